"""verify: deterministic verification of extracted reports.

Depends on the schema (``llm_extract.schema``, ``llm_extract.evidence``) alone:
never on ``openai``, ``instructor``, ``tenacity`` or the extractors. Rules are
small pure functions with stable codes (see :mod:`verify.rules`); a broken
identity is a :class:`~llm_extract.evidence.Finding`, never an exception.
"""

from .decide import verify_extraction, verify_report
from .derive import Derivation, derive
from .identities import (
    IDENTITY_RULES,
    Equation,
    check_identities,
    equations,
    t3_balance,
    t3_column_sum,
    t3_row_sum,
    t4_group_sum,
)
from .rules import RULES, Rule, describe
from .narrative import check_narrative, check_record_narrative
from .crossyear import agency_key, check_cross_year, known_values
from .split import diagnose_record, diagnose_row
from .crosscheck import crosscheck, record_model_failure
from .settle import apply_decisions, revert_decision, settle

__all__ = [
    "verify_extraction",
    "verify_report",
    "derive",
    "Derivation",
    "Equation",
    "equations",
    "check_identities",
    "IDENTITY_RULES",
    "t3_row_sum",
    "t3_column_sum",
    "t3_balance",
    "t4_group_sum",
    "RULES",
    "Rule",
    "describe",
    "check_narrative",
    "check_record_narrative",
    "check_cross_year",
    "agency_key",
    "known_values",
    "diagnose_row",
    "diagnose_record",
    "crosscheck",
    "record_model_failure",
    "settle",
    "apply_decisions",
    "revert_decision",
]
