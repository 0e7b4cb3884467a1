/* test-consent-dialog.c: consent records and subject access from the
 * person editor, under Xvfb; screenshots when CR_SCREENSHOT_DIR is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-person-editor.h"
#include "cr-store-people.h"
#include "cr-store-privacy.h"
#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <adwaita.h>

static char *tmpdir;

static void
settle (void)
{
  cr_test_settle_full (NULL, NULL, 10);
}

/* The visible message dialog, which must be the one headed @heading. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  AdwMessageDialog *dialog = cr_test_find_dialog ();

  if (dialog != NULL)
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

static gint64
add_person (CrStore *store)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, "Grace");
  cr_person_set_family_name (person, "Okafor");
  cr_person_set_email (person, "grace.okafor@example.org");
  cr_person_set_consent (person, TRUE, "2026-03-14");
  id = cr_store_add_person (store, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_consent_from_editor (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "consent.commonroom", NULL);
  g_autoptr (CrStore) store =
      cr_store_create (path, "Lantern Court TRA", &error);
  g_autoptr (CrPerson) person = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  CrConsent         photos = { 0 };
  CrPersonEditor   *editor;
  AdwMessageDialog *dialog;
  GtkWidget        *withdraw;
  gint64            id;

  g_assert_no_error (error);
  id = add_person (store);
  photos.person_id = id;
  photos.purpose = CR_CONSENT_PHOTOS;
  photos.method = CR_CONSENT_BY_VERBAL;
  photos.given_on = "2026-05-02";
  cr_store_add_consent (store, &photos, &error);
  g_assert_no_error (error);

  person = cr_store_get_person (store, id, NULL, &error);
  editor = cr_person_editor_new (store, person);
  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 760);
  gtk_window_present (GTK_WINDOW (editor));
  settle ();
  g_assert_nonnull (
      cr_test_find_button (GTK_WIDGET (editor), "_Subject Access Report…"));
  g_assert_nonnull (cr_test_find_button (GTK_WIDGET (editor), "_Consent…"));

  /* The consents, each with how and when. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.consent", NULL));
  settle ();
  dialog = find_dialog ("Consent of Grace Okafor");
  g_assert_nonnull (dialog);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (dialog),
                                      "Contact by post, phone or email"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (dialog), "Photographs"));
  cr_test_screenshot (GTK_WIDGET (dialog), "consent-dialog");

  /* Withdraw the consent to be contacted: one click, recorded today. */
  withdraw = cr_test_find_button (GTK_WIDGET (dialog), "_Withdraw");
  g_assert_nonnull (withdraw);
  g_signal_emit_by_name (withdraw, "clicked");
  settle ();
  g_clear_object (&person);
  person = cr_store_get_person (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cr_person_get_consent_to_contact (person));
  consents = cr_store_list_consents (store, id, &error);
  g_assert_cmpstr (
      ((CrConsent *) g_ptr_array_index (consents, 0))->withdrawn_on, ==,
      "2026-11-25");
  dialog = find_dialog ("Consent of Grace Okafor");
  g_assert_nonnull (dialog);
  cr_test_screenshot (GTK_WIDGET (dialog), "consent-dialog-withdrawn");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The editor's switch follows: saving it now keeps the withdrawal (and
   * closes the editor). */
  g_assert_false (gtk_switch_get_active (
      GTK_SWITCH (cr_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SWITCH))));
  cr_test_screenshot (GTK_WIDGET (editor), "person-editor-privacy");
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();
  g_clear_object (&person);
  person = cr_store_get_person (store, id, NULL, &error);
  g_assert_false (cr_person_get_consent_to_contact (person));
  g_clear_pointer (&consents, g_ptr_array_unref);
  consents = cr_store_list_consents (store, id, &error);
  g_assert_cmpuint (consents->len, ==, 2);
  settle ();
}

int
main (int argc, char *argv[])
{
  int ret;

  tmpdir =
      cr_test_gtk_init (&argc, &argv, "cr-test-consent-XXXXXX", "2026-11-25");

  g_test_add_func ("/consent-dialog/from-editor", test_consent_from_editor);

  ret = g_test_run ();
  cr_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
