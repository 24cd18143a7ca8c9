import torch
from torch import load

SAFE = True


def restore(model, path):
    # ok: torch-load
    model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))


def module_constant(path):
    # ok: torch-load
    return load(path, weights_only=SAFE)


def torchscript(path):
    # ok: torch-load (TorchScript archives are not pickles of arbitrary objects)
    return torch.jit.load(path)


def extension():
    # ok: torch-load
    return torch.utils.cpp_extension.load(name="ext", sources=[])


def forwarded(path, **kwargs):
    # ok: torch-load (weights_only may be in **kwargs)
    return torch.load(path, **kwargs)
