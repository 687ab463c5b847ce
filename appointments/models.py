"""Appointment requests: see issue "Appointment requests"."""
