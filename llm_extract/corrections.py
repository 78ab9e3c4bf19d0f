"""What marks a report as a correction of one published before (更正版, 修订, 勘误, 重新发布 …).

The reader notes the mark on the agency it reads from the title (:func:`llm_extract.extract.meta.read_meta`);
the agency-years of an output directory take a marked report for the one that stands when an agency-year is
reported twice (:mod:`llm_extract.agency_years`). Both read the mark here, and neither needs the other.
"""

from __future__ import annotations

import re

__all__ = ["CORRECTED", "CORRECTED_NOTE"]

#: the agency's note when its title or heading marks a corrected report
CORRECTED_NOTE = "the report is marked corrected: "
#: what marks a corrected report in its title or a heading under it (更新 alone is a word of agency names: 城市更新局)
CORRECTED = re.compile(r"更正|修订|修正|勘误|更新版|更新后|重新发布|correct|revis", re.IGNORECASE)
