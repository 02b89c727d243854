"""The Arabic analysis chain: normalization, stop words and clitic splitting."""
