"""The Jobs tab: the job history, one job's log, and resuming or retrying a job."""
