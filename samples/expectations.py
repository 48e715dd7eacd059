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
