import factory
from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"


class StaffFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def save_password(user, create, extracted, **kwargs):
        if create:
            user.save()


def login_verified(client, user) -> TOTPDevice:
    """Signs `user` in as if they had typed their password and a valid authenticator code."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="Test app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def browser_signed_in(page, live_server, user) -> None:
    """Gives Chromium (a Playwright page) the session of `user` signed in with both factors."""
    from django.test import Client

    client = Client()
    login_verified(client, user)
    session = client.cookies["sessionid"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": session.value, "url": live_server.url}]
    )
