"""Who may do what. Named predicates live here; views apply them visibly."""

MINISTRY_TEAM_GROUP = "Ministry team"
WORKING_GROUP_GROUP = "Working group"
