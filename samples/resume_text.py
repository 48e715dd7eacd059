"""The text of the sample resumes and job ads (all fictional), read by make_samples.py.

Markup: '# name', '> headline', '@ contact | contact', '## Section', '### title | org | place |
dates', '- bullet', '* Label: text', plain lines are paragraphs; a line indented by two spaces
continues the line above.  Which terms each sample holds, and which it deliberately lacks, is
listed in expectations.py: change both together.
"""

# 1. strong_fit.pdf: a principal architect; nearly every Neural Network Architect term.
STRONG_PDF = """
# Amara Lindqvist, PhD
> Principal Neural Network Architect
@ amara.lindqvist@example.com | (206) 555-0148 | Seattle, WA | linkedin.com/in/amara-lindqvist-ex

## Summary
Neural network architect with nine years of deep learning experience designing, training and
  shipping large models for language and vision. I lead architecture work from the first
  whiteboard sketch to low-latency inference in production, and I publish what my teams learn at
  NeurIPS, ICML and ICLR. Fluent in PyTorch, JAX and TensorFlow, and comfortable writing CUDA
  kernels when the profiler says a layer is the bottleneck.

## Experience
### Principal Neural Network Architect | Halcyon Vision Labs | Seattle, WA | 2021 – present
- Designed a sparse mixture of experts (MoE) language model with 64 experts per layer that
  matched a dense baseline while using 38% of its training compute.
- Led the move of the perception stack from CNNs to vision transformers, cutting top-1 error
  on our internal benchmark by 4.1 points.
- Wrote fused CUDA kernels for flash attention and for our multi-head attention variants, raising
  GPU utilization on H100 clusters from 41% to 67%.
- Built the distributed training platform (FSDP plus tensor parallelism over 512 GPUs and TPU v4
  pods) that six research teams now use every day.
- Introduced quantization-aware training (QAT) for INT8 deployment: p99 latency fell from 48 ms
  to 17 ms with no measurable loss in accuracy.
- Studied loss landscapes and gradient flow in 96-layer stacks to choose the normalization and
  initialization of our large language models; the notes became an open source library.
- Designed the model serving tier for computer vision and language models: batching, caching
  and autoscaling behind one gRPC API.
### Senior Machine Learning Scientist | Northwind Robotics | Pittsburgh, PA | 2018 – 2021
- Ran neural architecture search (NAS) over 1,200 candidate backbones for on-device perception
  and shipped the winning design to a fleet of 40,000 warehouse robots.
- Trained GANs to synthesize rare failure cases, growing the labelled defect set fivefold.
- Replaced the RNNs in the sensor-fusion pipeline with Transformers, halving forecast error at
  the same inference budget.
- Mentored four engineers and two interns; both intern projects became ICML workshop papers.
### Research Intern | Meridian AI Research | Mountain View, CA | Summer 2017
- Studied gradient noise in large-batch optimization with JAX on TPU; the results became an
  ICLR paper.

## Education
### PhD in Computer Science (Machine Learning) | Lakeshore Institute of Technology |
  Chicago, IL | 2018
Thesis: Conditional computation for efficient sequence models.
### Master's degree in Applied Mathematics | Lakeshore Institute of Technology | Chicago, IL | 2014
Coursework in linear algebra, calculus, probability, optimization and information theory.

## Skills
* Frameworks: PyTorch, JAX, TensorFlow, Triton, DeepSpeed
* Languages: Python, C++, CUDA
* Architectures: Transformers, CNNs, RNNs, GANs, mixture of experts, vision transformers,
  diffusion models
* Efficiency: flash attention, quantization-aware training, pruning, knowledge distillation,
  low-latency inference
* Scale: distributed training, FSDP, GPU/TPU optimization, Slurm, Kubernetes
* Mathematics: linear algebra, calculus, probability, information theory

## Certifications
- Deep Learning Specialization, DeepLearning.AI (Coursera), 2016
- NVIDIA DLI certificate: Building Transformer-Based Natural Language Processing Applications,
  2022
- Stanford CS231n and CS224n, completed online with all assignments, 2016

## Publications
- Amara Lindqvist, Tiago Ferreira and Kwame Osei. Routing without regret: load-balanced mixture
  of experts for long-context models. NeurIPS 2023.
- Amara Lindqvist and Mirja Brandt. Patch dropout for faster vision transformers. ICML 2022.
- Kwame Osei, Amara Lindqvist and Hana Sato. Noise scale and batch size in large-batch
  training. ICLR 2019.
"""

# 2. strong_fit.docx: a different strong candidate (JAX/TPU, speech, federated learning).
STRONG_DOCX = """
# Rafael Moreno-Castillo
> Staff Research Engineer, Model Architecture
@ rafael.moreno@example.com | +1 (415) 555-0172 | San Francisco, CA | linkedin.com/in/rmc-example

## Summary
Research engineer who designs neural network architectures for language and speech, with a bias
  toward models that are cheap to serve. Six years of JAX and PyTorch on TPU and GPU fleets, a
  PhD on conditional computation, and papers at ICLR and NeurIPS. I enjoy turning a promising
  idea from a paper into a system that meets a strict latency budget.

## Experience
### Staff Research Engineer, Model Architecture | Cobaltline AI | San Francisco, CA | 2022 – present
- Own the architecture of a 30B-parameter mixture of experts (MoE) model trained in JAX on TPU v5
  pods, with top-2 routing and an auxiliary load-balancing loss.
- Designed a neural architecture search (NAS) space for speech encoders that found a model 2.3
  times faster at equal word error rate.
- Rolled out quantization-aware training for 4-bit weights; low-latency inference on a single
  GPU now serves 1,800 requests per second.
- Wrote Pallas and CUDA kernels for grouped-query and multi-head attention, and brought flash
  attention into the training stack.
### Research Engineer | Tidewater Labs | Boston, MA | 2019 – 2022
- Ran federated learning experiments for on-device keyboard models, with secure aggregation
  over two million simulated clients.
- Trained Transformers and RNNs for streaming speech recognition in PyTorch and moved training
  to distributed data parallel across 128 GPUs.
- Added vision transformers to a multimodal retrieval model, lifting recall at 10 by six points.

## Education
### PhD in Machine Learning | Harborview University | Boston, MA | 2019
Dissertation: Learning when to compute, conditional depth in sequence models.
### Master's degree in Computer Science | Harborview University | Boston, MA | 2015
Coursework in linear algebra, probability, convex optimization and information theory.

## Skills
* Frameworks: JAX, Flax, PyTorch, Pallas, Triton
* Hardware: TPU, GPU, CUDA, GPU/TPU optimization, profiling with Nsight
* Architectures: Transformers, CNNs, RNNs, mixture of experts, vision transformers, state-space
  models
* Methods: distributed training, neural architecture search, quantization-aware training,
  federated learning, flash attention
* Languages: Python, C++

## Certifications
- Google Brain Residency, research residency, 2018 – 2019
- Deep Learning Specialization, DeepLearning.AI, 2016
- Stanford CS224n (online), 2017

## Publications
- Rafael Moreno-Castillo and Funmi Adeyemi. Sparse upcycling for speech encoders. ICLR 2024.
- Funmi Adeyemi, Rafael Moreno-Castillo and Lena Park. Early exits that know when to stop.
  NeurIPS 2022.
"""

# 3. partial_fit.pdf: a product ML engineer: PyTorch, CNNs, GPU; no research, no certificates.
PARTIAL_PDF = """
# Priya Natarajan
> Machine Learning Engineer
@ priya.natarajan@example.com | (512) 555-0119 | Austin, TX

## Summary
Machine learning engineer with four years of experience building computer vision and
  recommendation features for e-commerce. I train CNNs in PyTorch on cloud GPU instances,
  package them behind REST APIs, and keep them healthy in production with monitoring and
  scheduled retraining.

## Experience
### Machine Learning Engineer | Bramblecart | Austin, TX | 2021 – present
- Trained a ResNet-based CNN in PyTorch to tag product photos with 212 attributes; tagging
  accuracy rose from 81% to 93%.
- Cut GPU training cost by 35% with mixed-precision training and spot instances on AWS.
- Served models with TorchServe and Docker on Kubernetes, meeting a 120 ms target for the
  catalog API.
- Built feature pipelines in Python, SQL and Airflow for an XGBoost ranking model.
### Data Analyst, then Junior ML Engineer | Pecan Street Outfitters | Dallas, TX | 2019 – 2021
- Forecast weekly demand for 3,000 products with scikit-learn, saving 9% in overstock.
- Automated weekly sales reporting with pandas and Tableau.

## Education
### B.S. in Computer Science | Texas Hill Country University | San Marcos, TX | 2019
Senior project: detecting shelf gaps in store photos.

## Skills
* Machine learning: PyTorch, scikit-learn, XGBoost, CNNs, image classification, object
  detection (YOLO)
* Data: Python, pandas, NumPy, SQL, Airflow, MLflow
* Infrastructure: GPU training, mixed precision, Docker, Kubernetes, AWS (SageMaker, EC2, S3),
  Git
"""

# 4. partial_fit.docx: a forecasting data scientist: TensorFlow, RNNs, GPU, Master's.
PARTIAL_DOCX = """
# Daniel Okoro
> Senior Data Scientist, Forecasting
@ daniel.okoro@example.com | (614) 555-0153 | Columbus, OH

## Summary
Data scientist who has spent the last three years moving time-series forecasting at a utility
  from spreadsheets to deep learning. I build RNNs and LSTMs in TensorFlow and Keras, train them
  on GPU workstations, and explain the results to operations teams who have to act on them.

## Experience
### Senior Data Scientist | Greyfield Energy Cooperative | Columbus, OH | 2021 – present
- Built an LSTM-based RNN in TensorFlow that forecasts hourly grid load 48 hours ahead, bringing
  mean absolute percentage error down from 7.9% to 4.6%.
- Moved model training from CPUs to two GPU workstations, shortening the weekly retrain from
  eleven hours to fifty minutes.
- Wrote PySpark jobs that clean two billion smart-meter readings a month.
- Present forecasts and their uncertainty to dispatch managers every week.
### Data Scientist | Lantern Insurance Group | Cleveland, OH | 2018 – 2021
- Built churn and claims-severity models with scikit-learn and gradient boosting.
- Designed A/B tests and reported results with confidence intervals.

## Education
### Master's degree in Statistics | Buckeye Valley State University | Columbus, OH | 2018
Coursework in probability theory, linear algebra, Bayesian inference and time-series analysis.
### B.S. in Economics | Buckeye Valley State University | Columbus, OH | 2016

## Skills
* Languages and tools: Python, SQL, PySpark, pandas, scikit-learn, Tableau
* Deep learning: TensorFlow, Keras, RNNs, LSTM, GRU, GPU training
* Statistics: probability, hypothesis testing, time-series forecasting
"""

# 5. weak_fit.pdf: a web developer.  JavaScript but never Java; R&D but never R.
WEAK_PDF = """
# Morgan Ellis
> Senior Full-Stack Web Developer
@ morgan.ellis@example.com | (303) 555-0164 | Denver, CO | github.com/morgan-ellis-example

## Summary
Full-stack web developer with eight years of experience building fast, accessible web
  applications. I work mostly in TypeScript and JavaScript, with React on the front end and
  Node.js on the back end, and I care about clean APIs, good tests and pages that load in under
  a second.

## Experience
### Senior Full-Stack Developer | Copperleaf Travel | Denver, CO | 2020 – present
- Rebuilt the booking flow in React and TypeScript; conversion rose 12% and the bundle shrank by
  40%.
- Designed a GraphQL gateway in Node.js that replaced nine separate REST services.
- Partnered with the R&D group on a pricing prototype and turned it into a production service.
- Set up end-to-end tests with Playwright and Jest; production incidents fell by half.
### Web Developer | Bluejay Media | Boulder, CO | 2016 – 2020
- Built responsive marketing sites and a headless CMS with Next.js and PostgreSQL.
- Maintained an Express API serving three million requests a day.
- Raised Lighthouse accessibility scores from 71 to 98 across fourteen sites.

## Education
### B.S. in Information Systems | Front Range State University | Fort Collins, CO | 2016

## Skills
* Front end: JavaScript (ES2022), TypeScript, React, Next.js, HTML5, CSS3, Tailwind
* Back end: Node.js, Express, GraphQL, REST, PostgreSQL, Redis
* Delivery: AWS Lambda, Docker, GitHub Actions, Jest, Playwright, WCAG 2.1

## Certifications
- AWS Certified Developer, Associate, 2021
"""

# 6. two_column.pdf: sidebar (contact, skills, certifications, education) + main column.
TWO_COLUMN_SIDE = """
# Sofia Haddad
> Neural Network Architect, Edge Vision

## Contact
sofia.haddad@example.com
(617) 555-0133
Boston, MA
linkedin.com/in/sofia-haddad-example

## Skills
- PyTorch, TensorFlow
- CUDA, TensorRT, ONNX Runtime
- CNNs and vision transformers
- Quantization-aware training
- Neural architecture search
- Low-latency inference
- GPU profiling (Nsight)
- Python, C++

## Certifications
- NVIDIA DLI certificate: Fundamentals of Deep Learning, 2021
- Deep Learning Specialization, DeepLearning.AI, 2019
- Stanford CS231n (online), 2018

## Education
Master's degree in Electrical and Computer Engineering, Bayview Polytechnic, 2017
"""

TWO_COLUMN_MAIN = """
# Sofia Haddad

## Summary
Architect of compact neural networks for cameras, drones and cars. I design vision backbones
  that fit in a few watts, and I measure success in milliseconds per frame on the target chip.

## Experience
### Neural Network Architect | Lumenfield Automotive | Boston, MA | 2021 – present
- Designed a hybrid CNN and vision transformer backbone for the driver-monitoring camera: 9 ms
  per frame on the in-car GPU at 97.2% accuracy.
- Ran hardware-aware neural architecture search using latency tables measured on the target
  system-on-chip.
- Introduced quantization-aware training and TensorRT INT8 engines across four production
  models, with a release checklist that the whole perception group adopted.
### Deep Learning Engineer | Skyward Drones | Cambridge, MA | 2017 – 2021
- Trained detection and segmentation CNNs in PyTorch and TensorFlow for aerial inspection of
  power lines and wind turbines.
- Wrote custom CUDA pre-processing kernels that removed a 6 ms bottleneck on the CPU.
- Built the offline evaluation suite used to sign off every model release.

## Publications
- Sofia Haddad and Tomas Lindgren. Latency-aware search for edge vision backbones. ICLR 2023
  workshop on practical machine learning.
- Sofia Haddad. Quantize early, quantize often. Efficient deep learning workshop, 2021.
"""

# 7. skills_table_header_contact.docx: contact only in the page header; skills in a table.
TABLE_DOCX = """
# Ingrid Halvorsen
> Machine Learning Research Engineer
@ ingrid.halvorsen@example.com | +1 (312) 555-0190 | linkedin.com/in/ingrid-halvorsen-example

## Summary
Research engineer who takes generative and sequence models from prototype to production. Four
  years of building training infrastructure and model code, most recently for speech and music
  generation.

## Skills

## Experience
### Machine Learning Research Engineer | Resonance Audio AI | Chicago, IL | 2022 – present
- Built the training stack for a 1.2-billion-parameter audio generation model on 64 GPUs.
- Stabilized generator training with spectral normalization; restarts went from weekly to none
  in six months.
### Machine Learning Engineer | Fieldnote Health | Chicago, IL | 2020 – 2022
- Trained sequence models for clinical note summarization and monitored them in production.

## Education
### Master's degree in Computer Science | Lakeview University | Evanston, IL | 2020

## Certifications
- Deep Learning Specialization, DeepLearning.AI, 2019
"""

# (area, skills or nested (framework, years) rows, depth)
TABLE_SKILLS = (
    ("Programming", "Python, C++, CUDA", "Daily use"),
    ("Frameworks", (("PyTorch", "5 years"), ("JAX", "2 years"), ("TensorFlow", "3 years")),
     "Expert"),
    ("Architectures", "Transformers, RNNs, GANs, diffusion models", "Expert"),
    ("Training at scale", "Distributed training, FSDP, flash attention, mixed precision",
     "Advanced"),
    ("Mathematics", "Linear algebra, probability, information theory", "Strong"),
)

# 8. hyphenated.pdf: lines set by hand; three terms occur only broken across a line end.
HYPHENATED = (
    ("name", "Lena Vogt"),
    ("contact", "Neural Network Architect  |  lena.vogt@example.com  |  (206) 555-0107  |  "
                "Seattle, WA"),
    ("heading", "Summary"),
    ("para", (
        "Neural network architect with seven years in large-scale model design. I build Trans-",
        "formers for language and vision in PyTorch, write CUDA kernels when a profile shows",
        "a slow layer, and plan the long, carefully checkpointed and closely watched distrib-",
        "uted training runs that turn a promising idea into a model people can actually use.",
    )),
    ("heading", "Experience"),
    ("entry", "Lead Architect, Quillon Systems, Seattle, WA  |  2020 – present"),
    ("para", (
        "Lead architect for a family of sparse mixture of experts models used in search and",
        "customer support. I cut the serving memory of our largest model by 60% with quanti-",
        "zation-aware training at four-bit precision, and redesigned the GPU input pipeline so",
        "that the accelerators no longer sit idle waiting for data.",
    )),
    ("entry", "Research Scientist, Elbmark AI, Portland, OR  |  2017 – 2020"),
    ("para", (
        "Research on efficient attention for long documents, with two papers at ICML. I built",
        "the evaluation harness that the whole group used to compare new sequence models with",
        "strong baselines, and organised the weekly reading group.",
    )),
    ("heading", "Education"),
    ("list", (
        "PhD in Computer Science, Cascade State University, 2017",
        "B.S. in Mathematics, Cascade State University, 2012",
    )),
    ("heading", "Skills"),
    ("list", (
        "PyTorch, CUDA, GPU performance tuning, mixture of experts, Python, C++",
    )),
)

# 9. textbox.docx: CUDA and TensorRT appear only inside the floating text box.
TEXTBOX_DOCX = """
# Grace Achebe-Lund
> Senior Deep Learning Engineer, Inference
@ grace.achebe-lund@example.com | (919) 555-0127 | Raleigh, NC

## Summary
Deep learning engineer focused on inference: I take trained models and make them fast, small and
  dependable on GPU servers. Five years of shipping low-latency inference for speech, ranking and
  language models.

## Experience
### Senior Deep Learning Engineer | Pinewood Speech | Raleigh, NC | 2022 – present
- Cut the median latency of the streaming speech model from 210 ms to 70 ms by fusing layers
  and batching requests dynamically.
- Converted PyTorch Transformers into optimized GPU engines and compared their outputs with the
  originals on 10,000 recorded utterances before every release.
### Machine Learning Engineer | Harbor Lane Retail | Durham, NC | 2019 – 2022
- Served ranking models to four million daily users from a shared GPU pool.
- Wrote the on-call guide for model serving and led the incident reviews.

## Education
### B.S. in Computer Engineering | Piedmont State University | Raleigh, NC | 2019
"""

TEXTBOX_SKILLS = (
    "CUDA",
    "TensorRT",
    "Triton Inference Server",
    "ONNX",
    "INT8 and FP8 quantization",
    "Nsight Systems profiling",
    "C++ and Python",
)

# 10. plain_resume.txt: UTF-8 text with accents, middle dots, dashes and bullets.
PLAIN_TXT = """
# José Ibáñez Rivera
> Neural Network Architect
@ jose.ibanez@example.com | (650) 555-0181 | Palo Alto, CA

## Summary
Neural network architect with eight years in research and production. I design Transformers and
  mixture of experts models in JAX and PyTorch, tune them for TPU and GPU clusters, and care as
  much about the serving bill as about the benchmark table.

## Experience
### Neural Network Architect | Solenne Labs | Palo Alto, CA | 2020 – present
- Designed the routing layer of a mixture of experts model that serves 40 languages; training
  cost fell by a third against the dense model it replaced.
- Built a neural architecture search (NAS) service that the product teams use to size models
  for phones.
- Wrote CUDA kernels for multi-head attention with long contexts.
### Research Engineer | Tesela Robotics | Madrid (remote) | 2016 – 2020
- Trained CNNs and RNNs for grasp planning and ran federated learning pilots across three
  factories.

## Education
### PhD in Computer Science | Universidad de Altamira | Madrid | 2016
### Master's degree in Mathematics | Universidad de Altamira | Madrid | 2012

## Skills
* Frameworks: JAX, PyTorch
* Hardware: CUDA, TPU, GPU
* Architectures: Transformers, CNNs, RNNs, mixture of experts
* Methods: neural architecture search, distributed training, federated learning

## Certifications
- OpenAI Scholars Program, 2019
- NVIDIA DLI certificate: Accelerated Computing with CUDA Python, 2020
- Stanford CS224n (online), 2018

## Publications
- José Ibáñez Rivera and Noor Haddad. Experts that share: parameter reuse across routed
  layers. ICML 2022.
- Noor Haddad and José Ibáñez Rivera. Federated fine-tuning for small factories. NeurIPS 2021
  workshop.
"""

JOB_AD_NN_ARCHITECT = """\
Neural Network Architect
Aster Ridge AI · Seattle, WA or remote (US time zones) · Full time

About the role
Aster Ridge AI builds the models behind a search and assistant product used by millions of
people every day. As our Neural Network Architect you will decide how the next generation of
those models is put together: which architecture, how it is trained, and how it is served within
a tight latency and cost budget. You will work with research, infrastructure and product teams,
and you will own architecture decisions from the first experiment to production.

What you will do
- Design and prototype new model architectures and prove them with careful ablations.
- Plan and run large training jobs on GPU and TPU clusters.
- Make models cheaper to serve: quantization, distillation, sparsity and kernel work.
- Review the designs of other teams and write down the reasoning behind each decision.
- Mentor engineers and researchers, and share results inside and outside the company.

Requirements
- PhD or Master's degree in computer science, machine learning or a related field.
- Five or more years designing and training deep neural networks.
- Expert knowledge of PyTorch or JAX.
- Hands-on experience with Transformers and CNNs.
- CUDA programming and GPU/TPU optimization.
- Experience with distributed training across hundreds of accelerators.
- A solid grounding in linear algebra, calculus and probability.

Nice to have
- Publications at NeurIPS, ICML or ICLR.
- Mixture of experts (MoE) models or neural architecture search (NAS).
- Quantization-aware training and low-latency inference.
- Flash attention or other custom attention kernels.
- Federated learning.
- TensorFlow.
- Deep Learning Specialization or NVIDIA DLI certificates.

How to apply
Send a resume and one paragraph about a model you are proud of to careers@example.com.
"""

JOB_AD_ML_ENGINEER = """\
Machine Learning Engineer, Visual Search
Bramblewood Home · Austin, TX · Hybrid · Full time

About the role
We sell furniture and home goods online, and our customers increasingly shop with photos. You
will build and run the models that power visual search and product tagging, and you will own
them in production: data, training, serving and monitoring.

What you will do
- Train and improve image models for tagging, similar-item search and duplicate detection.
- Build reliable training and feature pipelines.
- Serve models behind low-latency APIs and watch their quality after launch.
- Work with product managers and analysts to choose what to build next.

Requirements
- Three or more years of experience shipping machine learning models to production.
- Strong Python and SQL.
- PyTorch or TensorFlow.
- Experience with CNNs for image classification or retrieval.
- Docker, Kubernetes and a major cloud (AWS preferred).

Nice to have
- GPU training and mixed precision.
- MLflow, Airflow or a similar workflow tool.
- Spark for large data sets.
- Experience with vector search.

How to apply
Write to jobs@example.com with a resume and a link to something you have built.
"""
