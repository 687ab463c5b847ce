import pytest

pytest_plugins = [
    "tests.harness.smtp",
    "tests.harness.worker",
    "tests.harness.browser",
    "tests.harness.pages",
]


def pytest_collection_modifyitems(items):
    """Tests that commit (a live server, a worker) empty every table when they end. Serialized
    rollback puts back what migrations created (Wagtail's locale and root page, our groups),
    so the tests after them start from the same database as any other."""
    for item in items:
        if {"transactional_db", "live_server"} & set(item.fixturenames):
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, signed in with both factors (as staff really are)."""
    from tests.accounts.factories import login_verified

    login_verified(client, admin_user)
    return client
