"""llm-extract: Chinese government information-disclosure annual reports → verified data."""
