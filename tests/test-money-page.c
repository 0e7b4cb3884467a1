/* test-money-page.c: the Money page, its cash book and the statement
 * import dialog, on a demo file, under Xvfb; screenshots when CR_SCREENSHOT_DIR
 * is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-demo.h"
#include "cr-entry-import-dialog.h"
#include "cr-money-page.h"
#include "cr-store-money.h"
#include "cr-window.h"

#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;

static void
settle (CrWindow *window)
{
  cr_test_settle_full (cr_test_window_busy, window, 6);
}

/* Opens every grant so the screenshot shows its budget lines. */
static void
expand_all (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

/* Opens only the grant called @title. */
static void
expand_only (GtkWidget *widget, const char *title)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (
        ADW_EXPANDER_ROW (widget),
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                   title) == 0);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_only (child, title);
}

static guint
count_level_bars (GtkWidget *widget)
{
  guint n = GTK_IS_LEVEL_BAR (widget) && gtk_widget_get_mapped (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_level_bars (child);
  return n;
}

static AdwMessageDialog *
find_form (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_widget_get_visible (GTK_WIDGET (l->data)))
      return l->data;
  return NULL;
}

/* The visible form that has a field called @name (not a problem message). */
static AdwMessageDialog *
find_form_with (const char *name)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_widget_get_visible (GTK_WIDGET (l->data)) &&
        g_object_get_data (G_OBJECT (l->data), name) != NULL)
      return l->data;
  return NULL;
}

static void
choose_id (AdwMessageDialog *form, const char *name, gint64 id)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (form), name);
  GArray      *ids = g_object_get_data (G_OBJECT (dropdown), "ids");

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

static void
close_dialogs (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
}

static void
type_into (AdwMessageDialog *form, const char *name, const char *text)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (form), name);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
}

static void
test_money_page (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "money.commonroom", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "statement.csv", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "bad.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CrEntryImportDialog *dialog;
  CrMoneyPage         *page;
  CrWindow            *window;
  guint                all, own, n;

  cr_test_make_demo (path, 300);
  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  g_assert_nonnull (cr_window_get_store (window));

  /* Alt+6's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "money"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "money");
  page = CR_MONEY_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_MONEY_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpuint (cr_money_page_get_n_grants (page), ==, 5);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "Estate Garden Project"));
  g_assert_true (cr_test_shows_text (GTK_WIDGET (window), "£207.50 remaining"));
  g_assert_true (cr_test_shows_label (
      GTK_WIDGET (window), "The association’s own money (unrestricted)"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Petty cash"));
  cr_test_screenshot (GTK_WIDGET (window), "money-balances");
  expand_all (GTK_WIDGET (page));
  settle (window);
  /* A bar for each grant with an award and each of the 8 budget lines. */
  g_assert_cmpuint (count_level_bars (GTK_WIDGET (page)), >=, 8);
  g_assert_true (
      cr_test_shows_text (GTK_WIDGET (window), "£25.00 over budget"));
  cr_test_screenshot (GTK_WIDGET (window), "money-grants");
  expand_only (GTK_WIDGET (page), "Estate Garden Project");
  settle (window);
  cr_test_screenshot (GTK_WIDGET (window), "money-grant-over-budget");

  cr_money_page_show_claims (page);
  settle (window);
  g_assert_true (
      cr_test_shows_text (GTK_WIDGET (window), "waiting for approval"));
  g_assert_true (cr_test_shows_text (GTK_WIDGET (window), "not paid yet"));
  cr_test_screenshot (GTK_WIDGET (window), "money-claims");

  /* The cash book and its filters. */
  cr_money_page_show_cash_book (page);
  settle (window);
  all = cr_money_page_get_n_entries (page);
  g_assert_cmpuint (all, >, 50);
  g_assert_true (cr_test_shows_text (GTK_WIDGET (window), "entries ·"));
  cr_test_screenshot (GTK_WIDGET (window), "money-cash-book");
  cr_money_page_set_filter (page, 0, 1, 0, 0);
  own = cr_money_page_get_n_entries (page);
  g_assert_cmpuint (own, >, 0);
  g_assert_cmpuint (own, <, all);
  cr_money_page_set_filter (page, 2, 0, 0, 0); /* petty cash only */
  n = cr_money_page_get_n_entries (page);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all);
  cr_money_page_set_filter (page, 0, 0, 0, 0);
  g_assert_cmpuint (cr_money_page_get_n_entries (page), ==, all);

  /* Adding an entry: the amount is checked as it is typed. */
  {
    AdwMessageDialog *form;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                               "money.add-entry", NULL));
    settle (window);
    form = find_form ();
    g_assert_nonnull (form);
    type_into (form, "description", "Stamps for the AGM notices");
    type_into (form, "amount", "12.345");
    g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
    g_assert_true (gtk_widget_has_css_class (
        g_object_get_data (G_OBJECT (form), "amount"), "error"));
    settle (window);
    cr_test_screenshot (GTK_WIDGET (form), "money-entry-form");
    type_into (form, "amount", "£12.34");
    g_assert_true (adw_message_dialog_get_response_enabled (form, "save"));
    type_into (form, "date", "31/02/2026");
    g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
    type_into (form, "date", "20/11/2026");
    g_assert_true (adw_message_dialog_get_response_enabled (form, "save"));
    adw_message_dialog_response (form, "save");
    settle (window);
    g_assert_cmpuint (cr_money_page_get_n_entries (page), ==, all + 1);
    all++;
  }

  /* A restricted grant refuses a line it hasn't got: the reason shows, and
   * the form comes back with what was typed. */
  {
    CrStore          *store = cr_window_get_store (window);
    AdwMessageDialog *form;
    GtkEditable      *description;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                               "money.add-entry", NULL));
    settle (window);
    form = find_form_with ("amount");
    g_assert_nonnull (form);
    type_into (form, "description", "Tea for the garden volunteers");
    type_into (form, "amount", "5.00");
    choose_id (form, "grant",
               cr_store_find_grant (store, "Estate Garden Project", NULL));
    choose_id (form, "category",
               cr_store_find_category (store, "Refreshments", NULL));
    adw_message_dialog_response (form, "save");
    settle (window);
    g_assert_cmpuint (cr_money_page_get_n_entries (page), ==, all);
    form = find_form_with ("amount");
    g_assert_nonnull (form);
    description = g_object_get_data (G_OBJECT (form), "description");
    g_assert_cmpstr (gtk_editable_get_text (description), ==,
                     "Tea for the garden volunteers");
    {
      g_autoptr (GList) windows = gtk_window_list_toplevels ();
      gboolean told = FALSE;

      for (GList *l = windows; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) &&
            gtk_widget_get_visible (GTK_WIDGET (l->data)) &&
            g_object_get_data (G_OBJECT (l->data), "amount") == NULL &&
            strstr (adw_message_dialog_get_body (l->data), "no budget line") !=
                NULL)
          told = TRUE;
      g_assert_true (told);
    }
    close_dialogs ();
    settle (window);
  }

  /* A category of the association's own. */
  {
    AdwMessageDialog *form;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                               "money.add-category", NULL));
    settle (window);
    form = find_form ();
    g_assert_nonnull (form);
    g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
    type_into (form, "name", "Summer fun day");
    g_assert_true (adw_message_dialog_get_response_enabled (form, "save"));
    adw_message_dialog_response (form, "save");
    settle (window);
    g_assert_cmpint (cr_store_find_category (cr_window_get_store (window),
                                             "summer fun day", NULL),
                     >, 0);
  }

  /* Importing a statement from the window: problems by line first. */
  g_assert_true (g_file_set_contents (bad,
                                      "Date,Description,Amount\n"
                                      "31/02/2026,Bad day,-1.00\n"
                                      "01/11/2026,Bad amount,12.345\n",
                                      -1, NULL));
  dialog =
      cr_entry_import_dialog_new (cr_window_get_store (window), bad, &error);
  g_assert_no_error (error);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  settle (window);
  g_assert_cmpuint (cr_entry_import_dialog_get_n_problems (dialog), ==, 2);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (dialog), "Line 2"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (dialog), "Line 3"));
  cr_test_screenshot (GTK_WIDGET (dialog), "money-import-problems");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (
      g_file_set_contents (csv,
                           "Date,Description,Paid out,Paid in,Category\n"
                           "20/11/2026,Hall deposit,25.00,,Room hire\n"
                           "21/11/2026,Jumble sale,,63.20,Fundraising\n",
                           -1, NULL));
  dialog =
      cr_entry_import_dialog_new (cr_window_get_store (window), csv, &error);
  g_assert_no_error (error);
  g_signal_connect_object (dialog, "imported",
                           G_CALLBACK (cr_money_page_reload), page,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  settle (window);
  g_assert_cmpuint (cr_entry_import_dialog_get_n_problems (dialog), ==, 0);
  g_assert_cmpuint (cr_entry_import_dialog_get_n_to_add (dialog), ==, 2);
  g_assert_true (cr_entry_import_dialog_run (dialog, &error));
  g_assert_no_error (error);
  settle (window);
  g_assert_cmpuint (cr_money_page_get_n_entries (page), ==, all + 2);

  /* Needs Attention shows the money items with no work of its own. */
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (window), "win.show-page", "s", "attention"));
  settle (window);
  g_assert_true (cr_test_shows_text (GTK_WIDGET (window),
                                     "monitoring report for the grant"));
  cr_test_screenshot (GTK_WIDGET (window), "money-attention");

  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

/* The action row titled @title in @widget's tree, or NULL. */
static GtkWidget *
find_row_titled (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                 title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The body of the visible message dialog, or NULL. */
static const char *
dialog_body (void)
{
  AdwMessageDialog *dialog = find_form ();

  return dialog != NULL ? adw_message_dialog_get_body (dialog) : NULL;
}

/* Edit and delete for accounts, funders and monitoring reports: a delete
 * that can't happen is refused before anyone confirms it; one that can
 * names what goes. And the cash book's custom period, checked as typed. */
static void
test_edit_delete (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "books.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (CrGrantReport) report = NULL;
  g_autoptr (CrFunder) funder = NULL;
  CrCashFilter      filter = { 0 };
  AdwMessageDialog *form;
  CrMoneyPage      *page;
  CrWindow         *window;
  CrStore          *store;
  GtkEditable      *from, *to;
  gint64            bank, tin, spare, funder_id;

  cr_test_make_demo (path, 300);
  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  store = cr_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "money"));
  settle (window);
  page = CR_MONEY_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_MONEY_PAGE));

  /* A new account, its opening balance checked as it is typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "money.add-account", NULL));
  settle (window);
  form = find_form_with ("opening");
  g_assert_nonnull (form);
  g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
  type_into (form, "name", "Float tin");
  type_into (form, "opening", "£20.005");
  g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
  type_into (form, "opening", "£20.00");
  g_assert_true (adw_message_dialog_get_response_enabled (form, "save"));
  adw_message_dialog_response (form, "save");
  settle (window);
  tin = cr_store_find_account (store, "Float tin", &error);
  g_assert_cmpint (tin, >, 0);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Float tin"));

  /* The bank account has entries: refused in words, no confirmation. */
  bank = cr_store_find_account (store, "Bank account", &error);
  g_assert_cmpint (bank, >, 0);
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "money.delete-account", "x", bank));
  settle (window);
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_false (adw_message_dialog_has_response (form, "delete"));
  g_assert_nonnull (strstr (dialog_body (), "entries in the cash book"));
  cr_test_screenshot (GTK_WIDGET (form), "money-delete-account-refused");
  close_dialogs ();
  settle (window);
  g_assert_cmpint (cr_store_find_account (store, "Bank account", NULL), ==,
                   bank);

  /* The empty one: the confirmation names it, Cancel is the default and
   * keeps it, Delete takes it away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "money.delete-account", "x", tin));
  settle (window);
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_nonnull (strstr (dialog_body (), "“Float tin”"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (form), ==,
                   "cancel");
  cr_test_screenshot (GTK_WIDGET (form), "money-delete-account");
  adw_message_dialog_response (form, "cancel");
  settle (window);
  g_assert_cmpint (cr_store_find_account (store, "Float tin", NULL), ==, tin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "money.delete-account", "x", tin));
  settle (window);
  adw_message_dialog_response (find_form (), "delete");
  settle (window);
  g_assert_cmpint (cr_store_find_account (store, "Float tin", NULL), ==, 0);
  g_assert_false (cr_test_shows_label (GTK_WIDGET (window), "Float tin"));

  /* Funders: one with grants stays; one without goes; a rename shows. */
  spare = cr_store_add_funder (store, "Spare Change Trust", NULL, &error);
  g_assert_no_error (error);
  cr_money_page_reload (page);
  settle (window);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "Spare Change Trust"));
  /* The funders sit below the fold: the list itself is what to look at. */
  cr_test_screenshot (
      gtk_widget_get_ancestor (
          find_row_titled (GTK_WIDGET (page), "Spare Change Trust"),
          GTK_TYPE_LIST_BOX),
      "money-funders");
  {
    g_autoptr (GPtrArray) grants = cr_store_list_grants (store, &error);

    funder_id = ((CrGrant *) grants->pdata[0])->funder_id;
  }
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "money.delete-funder", "x", funder_id));
  settle (window);
  g_assert_false (adw_message_dialog_has_response (find_form (), "delete"));
  g_assert_nonnull (strstr (dialog_body (), "can’t be deleted"));
  close_dialogs ();
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "money.edit-funder", "x", funder_id));
  settle (window);
  form = find_form_with ("contact");
  type_into (form, "name", "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
  type_into (form, "name", "Riverside Community Foundation");
  type_into (form, "contact", "grants@riverside.example");
  adw_message_dialog_response (form, "save");
  settle (window);
  funder = cr_store_get_funder (store, funder_id, &error);
  g_assert_cmpstr (funder->name, ==, "Riverside Community Foundation");
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "money.delete-funder", "x", spare));
  settle (window);
  g_assert_nonnull (strstr (dialog_body (), "“Spare Change Trust”"));
  adw_message_dialog_response (find_form (), "delete");
  settle (window);
  g_assert_null (cr_store_get_funder (store, spare, NULL));

  /* A monitoring report: its due date checked as typed, then deleted. */
  reports = cr_store_list_grant_reports (store, 0, &error);
  g_assert_cmpuint (reports->len, >, 0);
  report = cr_store_get_grant_report (
      store, ((CrGrantReport *) reports->pdata[0])->id, &error);
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "money.edit-report", "x", report->id));
  settle (window);
  form = find_form_with ("due-on");
  type_into (form, "due-on", "31/02/2027");
  g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
  type_into (form, "due-on", "15/01/2027");
  type_into (form, "description", "Interim report with photos");
  adw_message_dialog_response (form, "save");
  settle (window);
  g_clear_pointer (&report, cr_grant_report_free);
  report = cr_store_get_grant_report (
      store, ((CrGrantReport *) reports->pdata[0])->id, &error);
  g_assert_cmpstr (report->due_on, ==, "2027-01-15");
  g_assert_cmpstr (report->description, ==, "Interim report with photos");
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "money.delete-report", "x", report->id));
  settle (window);
  g_assert_nonnull (strstr (dialog_body (), "due on 15/01/2027"));
  cr_test_screenshot (GTK_WIDGET (find_form ()), "money-delete-report");
  adw_message_dialog_response (find_form (), "delete");
  settle (window);
  g_assert_null (cr_store_get_grant_report (store, report->id, NULL));

  /* The custom period: only the dates typed, each checked as typed; a
   * wrong date marks its field and leaves the list as it was. */
  cr_money_page_show_cash_book (page);
  cr_money_page_set_filter (page, 0, 0, 0, 5);
  settle (window);
  from = cr_money_page_get_period_entry (page, FALSE);
  to = cr_money_page_get_period_entry (page, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (from)));
  gtk_editable_set_text (from, "01/10/2026");
  gtk_editable_set_text (to, "31/10/2026");
  settle (window);
  filter.from = "2026-10-01";
  filter.to = "2026-10-31";
  entries = cr_store_list_entries (store, &filter, &error);
  g_assert_cmpuint (entries->len, >, 0);
  g_assert_cmpuint (cr_money_page_get_n_entries (page), ==, entries->len);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  /* A slip of the finger, typed at the end. */
  {
    int position = -1;

    gtk_editable_insert_text (to, "x", -1, &position);
  }
  settle (window);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_cmpuint (cr_money_page_get_n_entries (page), ==, entries->len);
  g_assert_true (cr_test_shows_text (GTK_WIDGET (window), "DD/MM/YYYY"));
  gtk_editable_set_text (to, "01/09/2026");
  settle (window);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  cr_test_screenshot (GTK_WIDGET (window), "money-custom-period-wrong");
  /* The workbook is not written for a period half typed. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (page), "money.export", NULL));
  settle (window);
  g_assert_nonnull (dialog_body ());
  g_assert_nonnull (strstr (dialog_body (), "DD/MM/YYYY"));
  close_dialogs ();
  settle (window);
  gtk_editable_set_text (to, "");
  settle (window);
  g_clear_pointer (&entries, g_ptr_array_unref);
  filter.to = NULL;
  entries = cr_store_list_entries (store, &filter, &error);
  g_assert_cmpuint (cr_money_page_get_n_entries (page), ==, entries->len);
  gtk_editable_set_text (to, "31/10/2026");
  settle (window);
  cr_test_screenshot (GTK_WIDGET (window), "money-custom-period");
  /* Another choice hides the fields. */
  cr_money_page_set_filter (page, 0, 0, 0, 0);
  settle (window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (from)));

  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

int
main (int argc, char *argv[])
{
  int ret;

  tmpdir = cr_test_gtk_init (&argc, &argv, "cr-test-money-page-XXXXXX",
                             "2026-11-23");

  g_test_add_func ("/money-page/page", test_money_page);
  g_test_add_func ("/money-page/edit-delete", test_edit_delete);

  ret = g_test_run ();
  cr_test_remove_tree (tmpdir);
  return ret;
}
