"""What each sample resume holds and deliberately lacks: the table the tests check.

Term names are those of the bundled ``neural-network-architect`` set unless a file names
another set (``short-tokens`` is a test set in tests/fixtures/keyword_sets/valid/).  Change
this table together with resume_text.py.
"""

NNA = "neural-network-architect"

EXPECTATIONS: dict[str, dict[str, object]] = {
    "strong_fit.pdf": {
        "set": NNA,
        "band": "strong",
        "must_find": [
            "PyTorch", "JAX", "TensorFlow", "CUDA", "Mixture of experts", "Vision transformers",
            "Neural architecture search", "Quantization-aware training", "Flash attention",
            "NeurIPS", "ICML", "ICLR", "Deep Learning Specialization",
            "NVIDIA Deep Learning Institute", "CS231n", "PhD",
        ],
        "must_miss": ["Google Brain Residency", "OpenAI Scholars", "Kaggle", "Federated learning"],
    },
    "strong_fit.docx": {
        "set": NNA,
        "must_find": [
            "JAX", "TPU", "Federated learning", "State-space models", "Google Brain Residency",
            "CS224n", "NeurIPS", "Mixture of experts",
        ],
        "must_miss": ["TensorFlow", "OpenAI Scholars"],
    },
    "partial_fit.pdf": {
        "set": NNA,
        "knocked_out": True,
        "must_find": ["PyTorch", "Convolutional neural networks", "GPU", "Computer vision"],
        "must_miss": ["JAX", "CUDA", "NeurIPS", "Deep Learning Specialization", "Transformers"],
    },
    "partial_fit.docx": {
        "set": NNA,
        "knocked_out": True,
        "must_find": ["TensorFlow", "Recurrent neural networks", "GPU", "Master's degree"],
        "must_miss": ["PyTorch", "Transformers", "CUDA"],
    },
    "weak_fit.pdf": {
        "set": NNA,
        "knocked_out": True,
        "must_find": [],
        "must_miss": ["PyTorch", "JAX", "CUDA", "Transformers", "Deep learning"],
    },
    "weak_fit.pdf#short-tokens": {
        "set": "tests/fixtures/keyword_sets/valid/short-tokens.yaml",
        "must_find": ["JavaScript", "TypeScript", "React", "Node.js", "GraphQL"],
        "must_miss": ["Java", "R", "CUDA"],
    },
    "two_column.pdf": {
        "set": NNA,
        "must_find": [
            "PyTorch", "TensorFlow", "CUDA", "Vision transformers", "Quantization-aware training",
            "NVIDIA Deep Learning Institute", "CS231n", "Master's degree",
        ],
        "must_miss": ["JAX", "TPU"],
    },
    "skills_table_header_contact.docx": {
        "set": NNA,
        "must_find": ["JAX", "Flash attention", "Diffusion models", "Distributed training"],
        "must_miss": ["Google Brain Residency"],
    },
    "textbox.docx": {
        "set": NNA,
        "must_find": ["CUDA", "Model serving", "Low-latency inference"],
        "must_miss": ["JAX", "TPU"],
    },
    "hyphenated.pdf": {
        "set": NNA,
        "must_find": [
            "Transformers", "Distributed training", "Quantization-aware training",
            "Mixture of experts",
        ],
        "must_miss": ["JAX"],
    },
    "plain_resume.txt": {
        "set": NNA,
        "must_find": ["OpenAI Scholars", "NVIDIA Deep Learning Institute", "Federated learning"],
        "must_miss": ["Google Brain Residency"],
    },
}

# ---------------------------------------------------------------------------------------------
# The same files at the level of their text, in plain term names, independent of any keyword
# set: tests/test_samples.py checks each name with a surface-form pattern against the text the
# file really holds (PDF text, every DOCX part, the .txt).  It keeps resume_text.py honest
# ("JavaScript" but never "Java", "R&D" but never "R"); EXPECTATIONS above checks the library.
# JOB_AD_SPLIT records which terms each job ad lists under "Requirements" and which under
# "Nice to have".

_NNA_RESEARCH = ["NeurIPS", "ICML", "ICLR"]
_CERTS = ["Deep Learning Specialization", "NVIDIA DLI", "Google Brain Residency",
          "OpenAI Scholars Program"]

TEXT_TERMS: dict[str, dict[str, list[str]]] = {
    "strong_fit.pdf": {
        "must_find": [
            "PyTorch", "JAX", "TensorFlow", "CUDA", "GPU", "TPU", "Transformers", "CNN", "RNN",
            "GAN", "Mixture of Experts", "Vision Transformers", "Neural Architecture Search",
            "Quantization-Aware Training", "Distributed Training", "Flash Attention",
            "Multi-Head Attention", "Low-Latency Inference", "NeurIPS", "ICML", "ICLR", "PhD",
            "Master's", "Deep Learning Specialization", "NVIDIA DLI", "CS231n", "CS224n",
            "Linear Algebra", "Calculus", "Probability", "Information Theory", "Python", "C++",
        ],
        "must_miss": ["Federated Learning", "Google Brain Residency", "OpenAI Scholars Program",
                      "Java", "JavaScript", "R"],
    },
    "strong_fit.docx": {
        "must_find": [
            "JAX", "PyTorch", "CUDA", "GPU", "TPU", "Transformers", "CNN", "RNN",
            "Mixture of Experts", "Vision Transformers", "Neural Architecture Search",
            "Quantization-Aware Training", "Distributed Training", "Flash Attention",
            "Multi-Head Attention", "Low-Latency Inference", "Federated Learning", "ICLR",
            "NeurIPS", "PhD", "Master's", "Google Brain Residency", "Deep Learning Specialization",
            "CS224n", "Linear Algebra", "Probability", "Information Theory", "Python", "C++",
        ],
        "must_miss": ["TensorFlow", "GAN", "ICML", "NVIDIA DLI", "OpenAI Scholars Program",
                      "CS231n", "Calculus", "Java", "R"],
    },
    "partial_fit.pdf": {
        "must_find": ["PyTorch", "CNN", "GPU", "Python"],
        "must_miss": [
            "JAX", "TensorFlow", "CUDA", "TPU", "Transformers", "Mixture of Experts",
            "Neural Architecture Search", "Quantization-Aware Training", "Flash Attention",
            "Distributed Training", *_NNA_RESEARCH, "PhD", "Master's", *_CERTS, "Java", "R",
        ],
    },
    "partial_fit.docx": {
        "must_find": ["TensorFlow", "RNN", "GPU", "Python", "Master's", "Probability",
                      "Linear Algebra"],
        "must_miss": ["PyTorch", "JAX", "CUDA", "TPU", "Transformers", "CNN",
                      "Mixture of Experts", *_NNA_RESEARCH, "PhD", *_CERTS, "Java", "R"],
    },
    "weak_fit.pdf": {
        "must_find": ["JavaScript", "TypeScript", "React", "Node.js"],
        "must_miss": [
            "PyTorch", "JAX", "TensorFlow", "CUDA", "GPU", "TPU", "Transformers", "CNN", "RNN",
            "Mixture of Experts", *_NNA_RESEARCH, "PhD", "Master's", *_CERTS, "Python",
            "Linear Algebra", "Probability", "Java", "R",
        ],
    },
    "two_column.pdf": {
        "must_find": [
            "PyTorch", "TensorFlow", "CUDA", "TensorRT", "GPU", "CNN", "Vision Transformers",
            "Quantization-Aware Training", "Neural Architecture Search", "Low-Latency Inference",
            "NVIDIA DLI", "Deep Learning Specialization", "CS231n", "Master's", "ICLR", "Python",
            "C++",
        ],
        "must_miss": ["JAX", "TPU", "Mixture of Experts", "Federated Learning", "NeurIPS",
                      "PhD", "Google Brain Residency", "Java", "R"],
    },
    "skills_table_header_contact.docx": {
        "must_find": [
            "PyTorch", "JAX", "TensorFlow", "CUDA", "Transformers", "RNN", "GAN",
            "Distributed Training", "Flash Attention", "GPU", "Linear Algebra", "Probability",
            "Information Theory", "Master's", "Deep Learning Specialization", "Python", "C++",
        ],
        "must_miss": ["NeurIPS", "ICML", "PhD", "TPU", "Mixture of Experts", "Java", "R"],
    },
    "hyphenated.pdf": {
        "must_find": ["Transformers", "Distributed Training", "Quantization-Aware Training",
                      "PyTorch", "CUDA", "GPU", "Mixture of Experts", "ICML", "PhD", "Python",
                      "C++"],
        "must_miss": ["JAX", "TensorFlow", "TPU", "NeurIPS", "Master's", "Java", "R"],
    },
    "textbox.docx": {
        "must_find": ["CUDA", "TensorRT", "PyTorch", "GPU", "Transformers",
                      "Low-Latency Inference", "Python", "C++"],
        "must_miss": ["JAX", "TPU", "NeurIPS", "PhD", "Mixture of Experts",
                      "Deep Learning Specialization", "Java", "R"],
    },
    "plain_resume.txt": {
        "must_find": [
            "JAX", "PyTorch", "CUDA", "TPU", "GPU", "Transformers", "CNN", "RNN",
            "Mixture of Experts", "Neural Architecture Search", "Multi-Head Attention",
            "Distributed Training", "Federated Learning", "ICML", "NeurIPS", "PhD", "Master's",
            "OpenAI Scholars Program", "NVIDIA DLI", "CS224n",
        ],
        "must_miss": ["TensorFlow", "GAN", "ICLR", "Deep Learning Specialization", "Java", "R"],
    },
    "job_ad_nn_architect.txt": {
        "must_find": [
            "PyTorch", "JAX", "TensorFlow", "Transformers", "CNN", "CUDA", "GPU", "TPU",
            "Distributed Training", "Linear Algebra", "Calculus", "Probability", "PhD",
            "Master's", "NeurIPS", "ICML", "ICLR", "Mixture of Experts",
            "Neural Architecture Search", "Quantization-Aware Training", "Low-Latency Inference",
            "Flash Attention", "Federated Learning", "Deep Learning Specialization", "NVIDIA DLI",
        ],
        "must_miss": ["Vision Transformers", "Google Brain Residency", "Java", "R", "Python"],
    },
    "job_ad_ml_engineer.txt": {
        "must_find": ["Python", "PyTorch", "TensorFlow", "CNN", "GPU"],
        "must_miss": ["JAX", "CUDA", "TPU", "Transformers", *_NNA_RESEARCH, "PhD", "Java", "R"],
    },
}

JOB_AD_SPLIT: dict[str, dict[str, list[str]]] = {
    "job_ad_nn_architect.txt": {
        "required": ["PhD", "Master's", "PyTorch", "JAX", "Transformers", "CNN", "CUDA", "GPU",
                     "TPU", "Distributed Training", "Linear Algebra", "Calculus", "Probability"],
        "preferred": ["NeurIPS", "ICML", "ICLR", "Mixture of Experts",
                      "Neural Architecture Search", "Quantization-Aware Training",
                      "Low-Latency Inference", "Flash Attention", "Federated Learning",
                      "TensorFlow", "Deep Learning Specialization", "NVIDIA DLI"],
    },
    "job_ad_ml_engineer.txt": {
        "required": ["Python", "PyTorch", "TensorFlow", "CNN"],
        "preferred": ["GPU"],
    },
}
