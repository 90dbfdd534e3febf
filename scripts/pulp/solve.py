#!/usr/bin/python3
"""PuLP + CBC reference solver for the benchmark in scripts/bench-solvers.ts.

Usage: /usr/bin/python3 scripts/pulp/solve.py PROBLEM.json

Reads the project's solve JSON (the format of `npm run cli -- solve`, see src/io/solveJson.ts):
  {model: "mclp"|"pmedian"|"lscp"|"pcenter", p?, radius?, target_share?,
   demand: [{id, weight}], sites: [{id, fixed?}], cost: [[minutes or null]], time_limit_s?}
and prints one JSON object:
  {status, objective, selected, elapsed_ms, gap, bound, model_objective, build_ms, cbc_ms}
status is "optimal", "feasible" (stopped at the time limit with a solution; gap from CBC's log),
"infeasible", "no_solution" or "error". `objective` is the selection evaluated with the project's
definitions (MCLP: covered weight, fixed sites included; p-median: sum of weight x cost to the
nearest open site; p-center: the largest cost to the nearest open site; LSCP: number of new
sites), so both solvers' numbers compare directly; `model_objective` is CBC's own.

The models are the formulations of spopt's `spopt.locate` classes (LSCP, MCLP, PMedian, PCenter),
written here from the published formulations with PuLP:
  x_j in {0,1}  site j open;  fixed sites: x_j fixed to 1 (as spopt's predefined facilities).
  MCLP     max sum_i w_i y_i   s.t. sum_{j: c_ij <= r} x_j >= y_i (all i),  y_i in {0,1},
           sum_j x_j = p + #fixed.
  p-median min sum_ij w_i c_ij z_ij  s.t. sum_j z_ij = 1 (all i),  z_ij <= x_j,  z_ij in {0,1},
           sum_j x_j = p + #fixed.
  p-center min W  s.t. sum_j z_ij = 1,  z_ij <= x_j,  sum_j c_ij z_ij <= W (all i),
           z_ij in {0,1},  sum_j x_j = p + #fixed.
  LSCP     min sum_j x_j  s.t. sum_{j: c_ij <= r} x_j >= 1 (all i).
The project's conventions on top (so that both solve the same problem):
  - p counts new sites only (fixed sites are open and not counted in p);
  - an unreachable pair (cost null) has no z_ij and never covers;
  - p-median leaves out units with weight 0 (they add nothing; the project does not require them
    to reach a site); LSCP (every unit) covers only units with weight > 0, as the project does;
  - LSCP with target_share (an extension beyond spopt's LSCP, the project's "cover at least this
    share"): min sum_j x_j s.t. y_i <= sum_{j: c_ij <= r} x_j, sum_i w_i y_i >= share x total,
    y_i in {0,1};
  - covered = cost <= radius (inclusive).
A request the project rejects before solving (p larger than the free sites, a unit that no site
reaches in p-median / p-center, a unit no site covers in LSCP) is reported as infeasible without
calling CBC, as the project does.

CBC (Debian's coinor-cbc, /usr/bin/cbc) runs single-threaded with relative gap 0 and absolute gap
1e-7 (the project's HiGHS settings) and `sec time_limit_s` (default 30, the project's default).
The process's address space is limited to $FCP_PULP_MEM_GB GiB (default 8; CBC gets the same
limit) so that a model too large for the machine fails with "error: out of memory" instead of
taking the machine down.
"""

import json
import math
import os
import re
import resource
import shutil
import sys
import tempfile
import time

T0 = time.perf_counter()


def ms_since(t):
    return round((time.perf_counter() - t) * 1000, 1)


def out(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def limit_memory():
    gb = float(os.environ.get("FCP_PULP_MEM_GB", "8"))
    if gb > 0:
        lim = int(gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))


class Problem:
    def __init__(self, pr):
        self.model = pr["model"]
        self.p = int(pr.get("p", 0) or 0)
        self.radius = pr.get("radius")
        self.radius = math.inf if self.radius is None else float(self.radius)
        self.target = pr.get("target_share")
        self.time_limit = float(pr.get("time_limit_s", 30))
        self.w = [float(d["weight"]) for d in pr["demand"]]
        self.demand_ids = [d["id"] for d in pr["demand"]]
        self.site_ids = [s["id"] for s in pr["sites"]]
        self.fixed = [bool(s.get("fixed", False)) for s in pr["sites"]]
        self.n = len(self.w)
        self.m = len(self.site_ids)
        # Reachable pairs per unit: list of (j, cost).
        self.pairs = [[(j, float(c)) for j, c in enumerate(row) if c is not None] for row in pr["cost"]]
        self.total = sum(self.w)

    def covers(self, i):
        r = self.radius
        return [j for j, c in self.pairs[i] if c <= r]

    def evaluate(self, open_mask):
        """The project's objective of a selection (src/domain/optimise/problem.ts `evaluate`)."""
        covered = 0.0
        wc = 0.0
        max_cost = -math.inf
        for i in range(self.n):
            best = math.inf
            for j, c in self.pairs[i]:
                if open_mask[j] and c < best:
                    best = c
            if best == math.inf:
                continue
            wc += self.w[i] * best
            if best <= self.radius:
                covered += self.w[i]
            if best > max_cost:
                max_cost = best
        if self.model == "mclp":
            return covered
        if self.model == "pmedian":
            return wc
        if self.model == "lscp":
            return sum(1 for j in range(self.m) if open_mask[j] and not self.fixed[j])
        return max_cost if max_cost > -math.inf else 0.0

    def infeasibility(self):
        """Why the request cannot be solved as asked (as the project checks before solving)."""
        free = self.m - sum(self.fixed)
        if self.model in ("mclp", "pmedian", "pcenter") and self.p > free:
            return "p %d is larger than the %d free sites" % (self.p, free)
        if self.model in ("pmedian", "pcenter"):
            lost = [i for i in range(self.n) if not self.pairs[i] and (self.model == "pcenter" or self.w[i] > 0)]
            if lost:
                return "%d units reach no site" % len(lost)
        if self.model == "lscp":
            cov = [bool(self.covers(i)) for i in range(self.n)]
            if self.target is None:
                lost = [i for i in range(self.n) if self.w[i] > 0 and not cov[i]]
                if lost:
                    return "%d units with demand have no site within the radius" % len(lost)
            else:
                reach = sum(self.w[i] for i in range(self.n) if cov[i])
                if self.total <= 0 or reach / self.total + 1e-12 < self.target:
                    return "the target share cannot be reached"
        return None


def build(pb, pulp):
    """The spopt formulation of the problem's model as a PuLP problem; returns (prob, x)."""
    Aff = pulp.LpAffineExpression
    sense = pulp.LpMaximize if pb.model == "mclp" else pulp.LpMinimize
    prob = pulp.LpProblem(pb.model, sense)
    x = [pulp.LpVariable("x_%d" % j, lowBound=0, upBound=1, cat=pulp.LpInteger) for j in range(pb.m)]
    for j in range(pb.m):
        if pb.fixed[j]:
            x[j].setInitialValue(1)
            x[j].fixValue()
    nfixed = sum(pb.fixed)

    if pb.model == "mclp":
        y = [pulp.LpVariable("y_%d" % i, lowBound=0, upBound=1, cat=pulp.LpInteger) for i in range(pb.n)]
        prob += Aff([(y[i], pb.w[i]) for i in range(pb.n)])
        for i in range(pb.n):
            prob += Aff([(x[j], 1) for j in pb.covers(i)] + [(y[i], -1)]) >= 0, "cover_%d" % i
        prob += Aff([(xj, 1) for xj in x]) == pb.p + nfixed, "p"

    elif pb.model in ("pmedian", "pcenter"):
        units = [i for i in range(pb.n) if pb.model == "pcenter" or pb.w[i] > 0]
        W = pulp.LpVariable("W", lowBound=0, cat=pulp.LpContinuous) if pb.model == "pcenter" else None
        obj = []
        for i in units:
            z = [(j, c, pulp.LpVariable("z_%d_%d" % (i, j), lowBound=0, upBound=1, cat=pulp.LpInteger)) for j, c in pb.pairs[i]]
            prob += Aff([(v, 1) for _, _, v in z]) == 1, "assign_%d" % i
            for j, _, v in z:
                prob += Aff([(v, 1), (x[j], -1)]) <= 0, "open_%d_%d" % (i, j)
            if W is None:
                obj.extend((v, pb.w[i] * c) for _, c, v in z)
            else:
                prob += Aff([(v, c) for _, c, v in z] + [(W, -1)]) <= 0, "minimax_%d" % i
        prob += Aff(obj) if W is None else Aff([(W, 1)])
        prob += Aff([(xj, 1) for xj in x]) == pb.p + nfixed, "p"

    elif pb.model == "lscp":
        prob += Aff([(xj, 1) for xj in x])
        if pb.target is None:
            for i in range(pb.n):
                if pb.w[i] > 0:
                    prob += Aff([(x[j], 1) for j in pb.covers(i)]) >= 1, "cover_%d" % i
        else:
            terms = []
            for i in range(pb.n):
                cols = pb.covers(i)
                if not cols or not pb.w[i] > 0:
                    continue
                y = pulp.LpVariable("y_%d" % i, lowBound=0, upBound=1, cat=pulp.LpInteger)
                prob += Aff([(x[j], 1) for j in cols] + [(y, -1)]) >= 0, "cover_%d" % i
                terms.append((y, pb.w[i]))
            prob += Aff(terms) >= pb.target * pb.total - 1e-9, "target"
    else:
        raise ValueError("unknown model %r" % pb.model)
    return prob, x


def parse_log(path):
    """CBC's best bound from its closing summary ("Lower bound:" when minimising, "Upper bound:"
    when maximising), or None. CBC's own "Gap:" line is not used: its sign depends on the sense."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return None
    m = re.search(r"^(?:Lower|Upper) bound:\s*(\S+)", text, re.M)
    if not m:
        return None
    try:
        return float(m.group(1))
    except ValueError:
        return None


def rel_gap(model, objective, bound):
    """The project's relative gap (src/domain/optimise/solve.ts `relGap`), or None without a bound."""
    if bound is None or objective is None or not math.isfinite(bound):
        return None
    diff = bound - objective if model == "mclp" else objective - bound
    if diff <= 1e-9 * max(1.0, abs(objective)):
        return 0.0
    return diff / max(abs(objective), 1e-9)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: solve.py PROBLEM.json\n")
        return 2
    limit_memory()
    try:
        import pulp
    except ImportError:
        out({"status": "error", "error": "python3-pulp is missing: apt-get install -y python3-pulp coinor-cbc"})
        return 1
    cbc_path = shutil.which("cbc") or "/usr/bin/cbc"
    if not os.access(cbc_path, os.X_OK):
        out({"status": "error", "error": "CBC is missing: apt-get install -y coinor-cbc"})
        return 1

    with open(argv[1], encoding="utf-8") as f:
        pb = Problem(json.load(f))
    why = pb.infeasibility()
    if why:
        out({"status": "infeasible", "objective": None, "selected": [], "gap": None, "bound": None, "message": why, "elapsed_ms": ms_since(T0)})
        return 0

    t_build = time.perf_counter()
    prob, x = build(pb, pulp)
    build_ms = ms_since(t_build)

    work = tempfile.mkdtemp(prefix="fcp-pulp-")
    log = os.path.join(work, "cbc.log")
    solver = pulp.COIN_CMD(path=cbc_path, msg=False, timeLimit=pb.time_limit, gapRel=0, gapAbs=1e-7, threads=1, logPath=log)
    solver.tmpDir = work
    t_cbc = time.perf_counter()
    try:
        prob.solve(solver)
    finally:
        cbc_ms = ms_since(t_cbc)
        bound = parse_log(log)
        shutil.rmtree(work, ignore_errors=True)

    base = {"build_ms": build_ms, "cbc_ms": cbc_ms, "variables": len(prob.variables()), "constraints": len(prob.constraints)}
    if prob.status == pulp.LpStatusInfeasible:
        out({"status": "infeasible", "objective": None, "selected": [], "gap": None, "bound": None, **base, "elapsed_ms": ms_since(T0)})
        return 0
    if prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        out({"status": "no_solution", "objective": None, "selected": [], "gap": None, "bound": bound, **base, "elapsed_ms": ms_since(T0)})
        return 0
    open_mask = [1 if (pb.fixed[j] or (x[j].varValue or 0) > 0.5) else 0 for j in range(pb.m)]
    optimal = prob.sol_status == pulp.LpSolutionOptimal
    model_obj = pulp.value(prob.objective)
    if pb.model == "lscp":  # spopt's objective counts the fixed sites too
        model_obj = None if model_obj is None else model_obj - sum(pb.fixed)
        bound = None if bound is None else bound - sum(pb.fixed)
    out({
        "status": "optimal" if optimal else "feasible",
        "objective": pb.evaluate(open_mask),
        "selected": [pb.site_ids[j] for j in range(pb.m) if open_mask[j]],
        "gap": 0 if optimal else rel_gap(pb.model, model_obj, bound),
        "bound": model_obj if optimal else bound,
        "model_objective": model_obj,
        **base,
        "elapsed_ms": ms_since(T0),
    })
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except MemoryError:
        out({"status": "error", "error": "out of memory (%s GiB limit)" % os.environ.get("FCP_PULP_MEM_GB", "8"), "elapsed_ms": ms_since(T0)})
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - reported to the benchmark as an error
        out({"status": "error", "error": "%s: %s" % (type(e).__name__, e), "elapsed_ms": ms_since(T0)})
        sys.exit(1)
