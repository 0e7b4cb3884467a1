/* test-person.c: the person object's own rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-person.h"

static void
test_names (void)
{
  g_autoptr (CrPerson) person = cr_person_new ();

  g_assert_cmpstr (cr_person_get_name (person), ==, "");
  cr_person_set_given_name (person, "  Seán ");
  g_assert_cmpstr (cr_person_get_given_name (person), ==, "Seán");
  g_assert_cmpstr (cr_person_get_name (person), ==, "Seán");
  cr_person_set_family_name (person, "Ó Súilleabháin");
  g_assert_cmpstr (cr_person_get_name (person), ==, "Seán Ó Súilleabháin");
  g_assert_cmpstr (cr_person_get_sort_name (person), ==, "Ó Súilleabháin, Seán");
  cr_person_set_given_name (person, "");
  g_assert_cmpstr (cr_person_get_name (person), ==, "Ó Súilleabháin");
  g_assert_cmpstr (cr_person_get_sort_name (person), ==, "Ó Súilleabháin");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  guint n = 0;

  g_signal_connect (person, "notify::postcode", G_CALLBACK (count_notify), &n);
  cr_person_set_postcode (person, "AV1 2AB");
  cr_person_set_postcode (person, "AV1 2AB ");
  g_assert_cmpuint (n, ==, 1);
  cr_person_set_postcode (person, NULL);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (cr_person_get_postcode (person), ==, "");
}

static void
test_tenure (void)
{
  CrTenure tenure = CR_TENURE_OTHER;

  g_assert_true (cr_tenure_from_string ("Tenant", &tenure));
  g_assert_cmpint (tenure, ==, CR_TENURE_TENANT);
  g_assert_true (cr_tenure_from_string (" LEASEHOLDER ", &tenure));
  g_assert_cmpint (tenure, ==, CR_TENURE_LEASEHOLDER);
  g_assert_true (cr_tenure_from_string ("", &tenure));
  g_assert_cmpint (tenure, ==, CR_TENURE_UNKNOWN);
  g_assert_false (cr_tenure_from_string ("landlord", &tenure));
  g_assert_cmpstr (cr_tenure_to_string (CR_TENURE_LEASEHOLDER), ==, "leaseholder");
  g_assert_cmpstr (cr_tenure_get_label (CR_TENURE_TENANT), ==, "Tenant");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/person/names", test_names);
  g_test_add_func ("/core/person/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/core/person/tenure", test_tenure);

  return g_test_run ();
}
