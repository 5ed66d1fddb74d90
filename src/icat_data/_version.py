# The package version (read by the build backend) and the edition of the packaged data.
# Both are plain constants so that reading them costs nothing at import; tests check that
# __version__ matches the installed distribution and DATA_VERSION the packaged data.
__version__ = "0.5.1.dev0"
DATA_VERSION = "2026.12.04"
