"""Analyses of verified records: indicators an analyst computes from the tables."""

from .indicators import DEFINITIONS, Indicator, IndicatorDefinition, Rollup, compute_indicators, roll_up, RollUp

__all__ = ["DEFINITIONS", "Indicator", "IndicatorDefinition", "Rollup", "compute_indicators", "roll_up", "RollUp"]
