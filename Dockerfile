FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY requirements.lock .
RUN pip install -r requirements.lock
COPY . .
# Collect static files with a throwaway key: nothing secret is used at build time.
RUN DEBUG=off SECRET_KEY=build-only python manage.py collectstatic --no-input \
    && useradd --system --uid 1000 avoin
USER avoin

EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && python manage.py createcachetable && python manage.py load_reference_data && gunicorn avoin.wsgi -c gunicorn.conf.py"]
