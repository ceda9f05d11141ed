#!/usr/bin/env python3
"""Prints the reference trajectories that OptimizerTrajectoryTests.cs and
LearningRateScheduleTests.cs compare against, computed by PyTorch's torch.optim.

Not needed by CI: the printed numbers are kept in the tests. To regenerate them (Debian:
`apt-get install python3-torch`), run `/usr/bin/python3 optimizer_trajectories.py` and paste.

The problem: f(p) = (1 - p0)^2 + 100 (p1 - p0^2)^2 + 0.5 p2^4 from p = (-1.2, 1.0, 0.8), in
float64. The gradient is written out by hand (the tests use the same formula), so the only thing
compared is the optimizers' update rule.
"""
import math
import torch

torch.set_default_dtype(torch.float64)

START = [-1.2, 1.0, 0.8]
STEPS = 25


def gradient(p):
    p0, p1, p2 = p.tolist()
    return torch.tensor([
        -2 * (1 - p0) - 400 * p0 * (p1 - p0 * p0),
        200 * (p1 - p0 * p0),
        2 * p2 * p2 * p2,
    ])


def trajectory(make, schedule=None):
    p = torch.tensor(START, requires_grad=True)
    opt = make([p])
    sched = schedule(opt) if schedule else None
    rows = []
    for _ in range(STEPS):
        opt.zero_grad()
        p.grad = gradient(p.detach())
        opt.step()
        if sched:
            sched.step()
        rows.append(p.detach().tolist())
    return rows


def show(name, rows):
    print(f"// {name}")
    print(f"[\"{name}\"] = new double[][]")
    print("{")
    for r in rows:
        print("    [" + ", ".join(repr(v) for v in r) + "],")
    print("},")


O = torch.optim
S = torch.optim.lr_scheduler
cases = {
    "sgd": lambda ps: O.SGD(ps, lr=1e-3),
    "sgd-momentum": lambda ps: O.SGD(ps, lr=1e-3, momentum=0.9),
    "sgd-momentum-dampening-decay": lambda ps: O.SGD(ps, lr=1e-3, momentum=0.9, dampening=0.1, weight_decay=0.01),
    "sgd-nesterov-decay": lambda ps: O.SGD(ps, lr=1e-3, momentum=0.9, nesterov=True, weight_decay=0.01),
    "adam": lambda ps: O.Adam(ps, lr=0.01),
    "adam-betas-eps-decay": lambda ps: O.Adam(ps, lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1),
    "adam-amsgrad": lambda ps: O.Adam(ps, lr=0.01, amsgrad=True),
    "adamw": lambda ps: O.AdamW(ps, lr=0.01, weight_decay=0.1),
    "adamw-amsgrad": lambda ps: O.AdamW(ps, lr=0.01, weight_decay=0.1, amsgrad=True),
}
print(f"// torch {torch.__version__}, {STEPS} steps from {START}")
for name, make in cases.items():
    show(name, trajectory(make))

# An optimizer driven by a schedule: the schedule's rate for epoch t is used by step t + 1.
show("adam-cosine", trajectory(lambda ps: O.Adam(ps, lr=0.05), lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001)))
show("sgd-step", trajectory(lambda ps: O.SGD(ps, lr=1e-3, momentum=0.9), lambda o: S.StepLR(o, step_size=5, gamma=0.5)))


def rates(schedule, epochs=25):
    p = torch.zeros(1, requires_grad=True)
    opt = O.SGD([p], lr=0.1)
    sched = schedule(opt)
    out = []
    for _ in range(epochs):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


for name, schedule in {
    "step": lambda o: S.StepLR(o, step_size=3, gamma=0.5),
    "exponential": lambda o: S.ExponentialLR(o, gamma=0.9),
    "cosine": lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001),
}.items():
    print(f"// lr schedule {name}, base 0.1")
    print(f"[\"{name}\"] = [" + ", ".join(repr(v) for v in rates(schedule)) + "],")
