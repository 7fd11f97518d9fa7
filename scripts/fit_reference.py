#!/usr/bin/env python3
"""Reference values for the LacunaFit tests.

Recomputes, with scipy, the numbers asserted in Tests/LacunaFitTests:
  * OLS of 1/r on current density i (scipy.stats.linregress),
  * power law r = A * i^n as OLS of ln r on ln i,
  * 95 % confidence intervals with Student's t at 0.975 and n - 2 dof,
  * Student's t quantiles and CDF values.

Run: python3 scripts/fit_reference.py
"""
import numpy as np
from scipy import stats

# Paper data: current density in mA/cm^2, pore radius in micrometres.
i = np.array([1.0, 2.0, 5.0, 10.0])
r = np.array([4.1, 2.4, 0.9, 0.4])
dof = len(i) - 2
t975 = stats.t.ppf(0.975, dof)

lin = stats.linregress(i, 1.0 / r)
print("1/r on i")
print(f"  slope      {lin.slope:.8f}  SE {lin.stderr:.8f}")
print(f"  intercept  {lin.intercept:.8f}  SE {lin.intercept_stderr:.8f}")
print(f"  R^2        {lin.rvalue ** 2:.8f}")
print(f"  t(0.975,{dof}) {t975:.8f}")
print(f"  slope CI     [{lin.slope - t975 * lin.stderr:.8f}, "
      f"{lin.slope + t975 * lin.stderr:.8f}]")
print(f"  intercept CI [{lin.intercept - t975 * lin.intercept_stderr:.8f}, "
      f"{lin.intercept + t975 * lin.intercept_stderr:.8f}]")

pw = stats.linregress(np.log(i), np.log(r))
print("ln r on ln i (power law r = A i^n)")
print(f"  exponent   {pw.slope:.8f}  SE {pw.stderr:.8f}")
print(f"  prefactor  {np.exp(pw.intercept):.8f}  (ln A {pw.intercept:.8f}, "
      f"SE {pw.intercept_stderr:.8f})")
print(f"  R^2 (log)  {pw.rvalue ** 2:.8f}")
print(f"  exponent CI  [{pw.slope - t975 * pw.stderr:.8f}, "
      f"{pw.slope + t975 * pw.stderr:.8f}]")
print(f"  prefactor CI [{np.exp(pw.intercept - t975 * pw.intercept_stderr):.8f}, "
      f"{np.exp(pw.intercept + t975 * pw.intercept_stderr):.8f}]")

print("Student t")
for nu in (1, 2, 10, 30):
    print(f"  quantile(0.975, {nu:2d}) = {stats.t.ppf(0.975, nu):.10f}")
for nu in (0.5, 1e4, 1e6, 1e8):
    print(f"  quantile(0.975, {nu:g}) = {stats.t.ppf(0.975, nu):.15g}")
print(f"  quantile(1e-10, 3) = {stats.t.ppf(1e-10, 3):.15g}")
for t, nu in ((0.0, 1), (0.0, 7), (1.0, 1), (-2.0, 5), (2.5, 3.5),
              (-3.0, 1e6), (-1.96, 1e10), (-40.0, 3)):
    print(f"  cdf({t}, {nu:g}) = {stats.t.cdf(t, nu):.15g}")
