from datasets import load_dataset
from huggingface_hub import hf_hub_download as fetch
from transformers import AutoModel, AutoTokenizer
import transformers as tf

COMMIT = "5d0f2e8a7f1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d"


def model():
    # ok: huggingface-unpinned-download (pinned to a commit)
    return AutoModel.from_pretrained("org/sentiment-model", revision=COMMIT)


def local():
    # ok: huggingface-unpinned-download (a local directory)
    return AutoTokenizer.from_pretrained("./checkpoints/tokenizer")


def offline():
    # ok: huggingface-unpinned-download (local_files_only: nothing is downloaded)
    return AutoModel.from_pretrained("org/sentiment-model", local_files_only=True)


def weights(settings):
    # ok: huggingface-unpinned-download (the revision comes from configuration)
    return fetch(repo_id="org/sentiment-model", filename="model.bin", revision=settings.revision)


def local_csv():
    # ok: huggingface-unpinned-download (a local file builder)
    return load_dataset("csv", data_files="reviews.csv")


def default_pipeline():
    # ok: huggingface-unpinned-download (transformers pins its default model)
    return tf.pipeline("sentiment-analysis")


class Checkpoint:
    @classmethod
    def from_pretrained(cls, name):
        return cls()


def own_class():
    # ok: huggingface-unpinned-download (not a Hugging Face class)
    return Checkpoint.from_pretrained("org/sentiment-model")
