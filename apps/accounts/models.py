"""A custom user from day one, so later fields need no painful migration."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person using Coalition Tracker; their role is the group they belong to."""
