"""reintegration-plan: the verified data of Kazakhstan's Government Resolution No. 912 (2016)
and the plan of measures it approves, with a command-line tool over it."""

__version__ = "0.1.0"
