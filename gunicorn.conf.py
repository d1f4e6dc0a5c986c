"""gunicorn settings: the access log shows paths only, never query strings or referrers,
so that sign-in tokens (?sesame=...) never reach a log."""

bind = "0.0.0.0:8000"
workers = 3
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
