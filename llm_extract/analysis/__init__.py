"""Analyses of verified records: indicators an analyst computes from the tables."""

from .indicators import TRUSTED, DEFINITIONS, Indicator, IndicatorDefinition, Rollup, compute_indicators, roll_up, RollUp

__all__ = ["TRUSTED", "DEFINITIONS", "Indicator", "IndicatorDefinition", "Rollup", "compute_indicators", "roll_up", "RollUp"]
