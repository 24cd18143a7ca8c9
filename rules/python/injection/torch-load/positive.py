import dill
import torch
import torch as th
from torch import load


def restore(model, path):
    # expect: torch-load
    model.load_state_dict(torch.load(path, weights_only=False))


def default(path):
    # expect: torch-load
    return th.load(path, map_location="cpu")


def imported(path):
    # expect: torch-load
    return load(path)


def custom_pickle(path):
    # expect: torch-load
    return torch.load(path, pickle_module=dill)


def configured(path, trusted):
    # expect: torch-load
    return torch.serialization.load(path, weights_only=trusted)
