"""The inbox's filters at 100,000 requests (make bench-volume): the captcha result and the
language had no index, so the paginator's count of either read every request (EXPLAIN: a
sequential scan of 100,000 rows); with these it is an index-only scan of the matching entries,
and a page of them a range of the index, in the list's order."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('appointments', '0007_inbox_order_and_search_indexes'),
        ('locations', '0004_contact_page'),
        ('physicians', '0003_merge_offices_and_sign_in'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='appointmentrequest',
            index=models.Index(fields=['captcha', 'received_at', 'id'], name='appointment_captcha_idx'),
        ),
        migrations.AddIndex(
            model_name='appointmentrequest',
            index=models.Index(fields=['language', 'received_at', 'id'], name='appointment_language_idx'),
        ),
    ]
