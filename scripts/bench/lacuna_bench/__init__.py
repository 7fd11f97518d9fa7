"""Helpers of scripts/bench/compare: Lacuna against OpenCV and scikit-image, same files, same run."""
