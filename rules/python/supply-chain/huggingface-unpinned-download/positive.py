from datasets import load_dataset
from huggingface_hub import hf_hub_download as fetch
from transformers import AutoModel, AutoTokenizer
import transformers as tf

MODEL = "org/sentiment-model"


def model():
    # expect: huggingface-unpinned-download
    return AutoModel.from_pretrained("org/sentiment-model")


def tokenizer():
    # expect: huggingface-unpinned-download
    return AutoTokenizer.from_pretrained(MODEL, revision="main")


def weights():
    # expect: huggingface-unpinned-download
    return fetch(repo_id="org/sentiment-model", filename="model.safetensors", revision="v1.0.0")


def corpus():
    # expect: huggingface-unpinned-download
    return load_dataset("org/reviews", split="train")


def remote_code():
    # expect: huggingface-unpinned-download (severity high: trust_remote_code)
    return tf.AutoModelForCausalLM.from_pretrained("org/custom-arch", trust_remote_code=True)


def classify(text):
    # expect: huggingface-unpinned-download
    return tf.pipeline("text-classification", model="org/sentiment-model")(text)


def configured(name):
    # expect: huggingface-unpinned-download (medium: the repository is not a constant)
    return AutoModel.from_pretrained(name)
