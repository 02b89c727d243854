"""The Latin-script chain: French elision, case and accent folding, light stemming."""
