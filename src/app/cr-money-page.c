/* cr-money-page.c: grants, funds, the cash book and expenses claims
 *
 * The treasurer's page, in three parts: each grant with what it was
 * awarded, has spent and has left, and a bar for each budget line (over
 * budget shown plainly); the funds and accounts with their balances; the
 * cash book, filtered by account, fund, category and period, with each
 * account's running balance; and the expenses claims, each with the next
 * step (approve, pay) one click away.
 *
 * Everything is read from the store in a few queries and the lists are
 * small (a few grants, a few hundred entries a year), so a reload after
 * an edit simply reads them again. Edits go through small forms
 * (cr-form.c) whose amounts and dates are checked as they are typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-money-page.h"

#include "cr-date.h"
#include "cr-entry-import-dialog.h"
#include "cr-confirm-delete.h"
#include "cr-form.h"
#include "cr-money.h"
#include "cr-report-grants.h"
#include "cr-store-money.h"

#include <glib/gi18n.h>
#include <string.h>

/* ---- one cash book entry as a list item -------------------------------- */

#define CR_TYPE_MONEY_ENTRY_ITEM (cr_money_entry_item_get_type ())
G_DECLARE_FINAL_TYPE (
    CrMoneyEntryItem, cr_money_entry_item, CR, MONEY_ENTRY_ITEM, GObject)

struct _CrMoneyEntryItem
{
  GObject      parent_instance;
  CrCashEntry *entry;
};

G_DEFINE_FINAL_TYPE (CrMoneyEntryItem, cr_money_entry_item, G_TYPE_OBJECT)

static void
cr_money_entry_item_finalize (GObject *object)
{
  CrMoneyEntryItem *self = CR_MONEY_ENTRY_ITEM (object);

  g_clear_pointer (&self->entry, cr_cash_entry_free);
  G_OBJECT_CLASS (cr_money_entry_item_parent_class)->finalize (object);
}

static void
cr_money_entry_item_class_init (CrMoneyEntryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_money_entry_item_finalize;
}

static void
cr_money_entry_item_init (CrMoneyEntryItem *self)
{
}

/* ---- the page ----------------------------------------------------------- */

typedef enum
{
  COLUMN_DATE,
  COLUMN_ACCOUNT,
  COLUMN_PARTY,
  COLUMN_DESCRIPTION,
  COLUMN_CATEGORY,
  COLUMN_FUND,
  COLUMN_RECEIPT,
  COLUMN_IN,
  COLUMN_OUT,
  COLUMN_BALANCE,
  N_COLUMNS
} Column;

struct _CrMoneyPage
{
  GtkWidget parent_instance;

  CrStore    *store;
  GPtrArray  *accounts;   /* CrAccount */
  GPtrArray  *grants;     /* CrGrant */
  GPtrArray  *categories; /* CrCategory */
  GListStore *entries;    /* CrMoneyEntryItem */
  gboolean    updating;

  GtkStack      *money_stack;
  GtkListBox    *grants_list;
  GtkListBox    *funds_list;
  GtkListBox    *accounts_list;
  GtkListBox    *funders_list;
  GtkListBox    *claims_list;
  GtkDropDown   *account_filter;
  GtkDropDown   *grant_filter;
  GtkDropDown   *category_filter;
  GtkDropDown   *period_filter;
  GtkWidget     *custom_period;
  GtkEntry      *period_from;
  GtkEntry      *period_to;
  GtkColumnView *entries_view;
  GtkLabel      *totals_label;
};

G_DEFINE_FINAL_TYPE (CrMoneyPage, cr_money_page, GTK_TYPE_WIDGET)

static void reload_entries (CrMoneyPage *self);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list, const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static GtkWidget *
money_label (gint64 pence, gboolean bold)
{
  g_autofree char *text = cr_money_format (pence);
  GtkWidget       *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  if (pence < 0)
    gtk_widget_add_css_class (label, "error");
  return label;
}

static CrGrant *
find_grant (CrMoneyPage *self, gint64 id)
{
  for (guint i = 0; self->grants != NULL && i < self->grants->len; i++)
    {
      CrGrant *g = g_ptr_array_index (self->grants, i);

      if (g->id == id)
        return g;
    }
  return NULL;
}

/* ---- grants, funds, accounts ------------------------------------------- */

static void add_budget_line_clicked (GtkButton *button, CrMoneyPage *self);
static void edit_grant_clicked (GtkButton *button, CrMoneyPage *self);
static void saved (CrMoneyPage *self, GError *error, const char *heading);

static void
report_sent_clicked (GtkButton *button, CrMoneyPage *self)
{
  gint64          *id = g_object_get_data (G_OBJECT (button), "report-id");
  g_autofree char *today = cr_date_today_iso ();
  g_autoptr (GError) error = NULL;

  if (id == NULL || self->store == NULL)
    return;
  cr_store_submit_grant_report (self->store, *id, today, &error);
  saved (self, error, _ ("The report was not marked as sent"));
}

/* A flat icon button that runs @action on the record @id, for a row. */
static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            const char *action,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (id));
  return button;
}

static void
add_edit_delete (AdwActionRow *row,
                 const char   *edit_tooltip,
                 const char   *edit_action,
                 const char   *delete_tooltip,
                 const char   *delete_action,
                 gint64        id)
{
  adw_action_row_add_suffix (row, row_button ("document-edit-symbolic",
                                              edit_tooltip, edit_action, id));
  adw_action_row_add_suffix (
      row,
      row_button ("user-trash-symbolic", delete_tooltip, delete_action, id));
}

static GtkWidget *
report_row (CrMoneyPage *self, CrGrantReport *report, const char *today)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *due = cr_date_iso_to_uk (report->due_on);
  g_autofree char *title = g_strdup_printf (
      _ ("%s due %s"),
      report->description ? report->description : _ ("Monitoring report"), due);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (report->submitted_on != NULL)
    {
      g_autofree char *sent = cr_date_iso_to_uk (report->submitted_on);
      g_autofree char *subtitle = g_strdup_printf (_ ("Sent %s"), sent);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("Mark _Sent"));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   strcmp (report->due_on, today) < 0
                                       ? _ ("Overdue: not sent yet")
                                       : _ ("Not sent yet"));
      if (strcmp (report->due_on, today) < 0)
        gtk_widget_add_css_class (row, "error");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "report-id",
                              g_memdup2 (&report->id, sizeof report->id),
                              g_free);
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (report_sent_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  add_edit_delete (ADW_ACTION_ROW (row), _ ("Edit the monitoring report"),
                   "money.edit-report", _ ("Delete the monitoring report"),
                   "money.delete-report", report->id);
  return row;
}

static GtkWidget *
budget_line_row (CrBudgetLine *line)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *bar = gtk_level_bar_new_for_interval (0.0, 1.0);
  g_autofree char *spent = cr_money_format (line->spent);
  g_autofree char *budget = cr_money_format (line->amount);
  g_autofree char *subtitle = NULL;
  double share = line->amount > 0 ? (double) line->spent / (double) line->amount
                                  : (line->spent > 0 ? 1.0 : 0.0);

  if (line->over)
    {
      g_autofree char *over = cr_money_format (line->spent - line->amount);

      subtitle = g_strdup_printf (_ ("%s of %s spent: %s over budget"), spent,
                                  budget, over);
      gtk_widget_add_css_class (row, "error");
    }
  else
    subtitle = g_strdup_printf (_ ("%s of %s spent"), spent, budget);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->category);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The bar fills to the budget; the offsets colour it as it nears it. */
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (share, 0.0, 1.0));
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW,
                                  0.75);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar),
                                  GTK_LEVEL_BAR_OFFSET_HIGH, 0.95);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar),
                                  GTK_LEVEL_BAR_OFFSET_FULL, 1.0);
  gtk_widget_set_size_request (bar, 180, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  if (line->over)
    {
      GtkWidget *icon =
          gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_tooltip_text (icon, _ ("Over budget"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  return row;
}

static void
fill_grants (CrMoneyPage *self)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();

  clear_list (self->grants_list);
  lines = cr_store_list_budget_lines (self->store, 0, &error);
  if (lines != NULL)
    reports = cr_store_list_grant_reports (self->store, 0, &error);
  if (reports == NULL)
    {
      g_warning ("Could not read the budget lines: %s", error->message);
      return;
    }
  if (self->grants->len == 0)
    add_placeholder (self->grants_list,
                     _ ("No grants yet: add one with Add Grant…"));

  for (guint i = 0; i < self->grants->len; i++)
    {
      CrGrant   *g = g_ptr_array_index (self->grants, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *edit =
          gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *subtitle = NULL;
      gboolean         has_award =
          g->status == CR_GRANT_AWARDED || g->status == CR_GRANT_CLOSED;
      guint n_lines = 0;

      if (has_award)
        {
          g_autofree char *awarded = cr_money_format (g->awarded);
          g_autofree char *spent = cr_money_format (g->spent);
          g_autofree char *left = cr_money_format (g->awarded - g->spent);

          subtitle = g_strdup_printf (
              _ ("%s · %s · %s awarded, %s spent, %s "
                 "remaining%s"),
              g->funder, cr_grant_status_get_label (g->status), awarded, spent,
              left, g->restricted ? "" : _ (" · unrestricted"));
        }
      else if (g->requested > 0)
        {
          g_autofree char *requested = cr_money_format (g->requested);

          subtitle = g_strdup_printf (_ ("%s · %s · %s requested"), g->funder,
                                      cr_grant_status_get_label (g->status),
                                      requested);
        }
      else
        subtitle = g_strdup_printf ("%s · %s", g->funder,
                                    cr_grant_status_get_label (g->status));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      if (has_award)
        {
          GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);

          gtk_level_bar_set_value (
              GTK_LEVEL_BAR (bar),
              g->awarded > 0 ? CLAMP ((double) g->spent / g->awarded, 0.0, 1.0)
                             : 0.0);
          gtk_widget_set_size_request (bar, 120, -1);
          gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Share of the award spent"), -1);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), bar);
        }
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _ ("Edit the grant"));
      g_object_set_data_full (G_OBJECT (edit), "grant-id",
                              g_memdup2 (&g->id, sizeof g->id), g_free);
      g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_grant_clicked),
                               self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);

      for (guint j = 0; j < lines->len; j++)
        {
          CrBudgetLine *line = g_ptr_array_index (lines, j);

          if (line->grant_id != g->id)
            continue;
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    budget_line_row (line));
          n_lines++;
        }
      if (g->restricted && has_award)
        {
          GtkWidget *add_row = adw_action_row_new ();
          GtkWidget *add = gtk_button_new_with_mnemonic (_ ("Add _Line…"));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row),
                                         n_lines == 0
                                             ? _ ("No budget lines yet: "
                                                  "the grant can pay "
                                                  "for nothing")
                                             : _ ("Budget lines"));
          gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (add), "grant-id",
                                  g_memdup2 (&g->id, sizeof g->id), g_free);
          g_signal_connect_object (
              add, "clicked", G_CALLBACK (add_budget_line_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add_row);
        }
      for (guint j = 0; j < reports->len; j++)
        {
          CrGrantReport *report = g_ptr_array_index (reports, j);

          if (report->grant_id == g->id)
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                      report_row (self, report, today));
        }
      if (g->conditions != NULL)
        {
          GtkWidget *c = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c),
                                         _ ("Conditions"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (c), g->conditions);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (c), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), c);
        }
      gtk_list_box_append (self->grants_list, row);
    }
}

static void
fill_balances (CrMoneyPage *self)
{
  g_autoptr (GArray) funds = NULL;
  g_autoptr (GError) error = NULL;
  gint64 total = 0;

  clear_list (self->funds_list);
  clear_list (self->accounts_list);

  funds = cr_store_list_funds (self->store, &error);
  if (funds == NULL)
    {
      g_warning ("Could not work out the funds: %s", error->message);
      return;
    }
  for (guint i = 0; i < funds->len; i++)
    {
      CrFundBalance   *f = &g_array_index (funds, CrFundBalance, i);
      CrGrant         *g = find_grant (self, f->grant_id);
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *in = cr_money_format (f->income);
      g_autofree char *out = cr_money_format (f->spent);
      g_autofree char *subtitle =
          g_strdup_printf (_ ("%s in, %s out"), in, out);

      /* A grant applied for or declined holds nothing: no row for it. */
      if (g != NULL && g->status != CR_GRANT_AWARDED &&
          g->status != CR_GRANT_CLOSED && f->income == 0 && f->spent == 0)
        {
          g_object_ref_sink (row);
          g_object_unref (row);
          continue;
        }
      adw_preferences_row_set_title (
          ADW_PREFERENCES_ROW (row),
          f->grant_id == 0 ? _ ("The association’s own money (unrestricted)")
          : g != NULL      ? g->name
                           : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 money_label (f->balance, TRUE));
      gtk_list_box_append (self->funds_list, row);
    }

  for (guint i = 0; i < self->accounts->len; i++)
    {
      CrAccount *a = g_ptr_array_index (self->accounts, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (
          ADW_ACTION_ROW (row),
          a->kind == CR_ACCOUNT_CASH ? _ ("Petty cash") : _ ("Bank account"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 money_label (a->balance, TRUE));
      add_edit_delete (ADW_ACTION_ROW (row), _ ("Edit the account"),
                       "money.edit-account", _ ("Delete the account"),
                       "money.delete-account", a->id);
      gtk_list_box_append (self->accounts_list, row);
      total += a->balance;
    }
  if (self->accounts->len == 0)
    add_placeholder (self->accounts_list,
                     _ ("No accounts yet: importing a statement or adding an "
                        "entry makes one"));
  else
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Total"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 money_label (total, TRUE));
      gtk_list_box_append (self->accounts_list, row);
    }
}

static void
fill_funders (CrMoneyPage *self)
{
  g_autoptr (GPtrArray) funders = NULL;
  g_autoptr (GError) error = NULL;

  clear_list (self->funders_list);
  funders = cr_store_list_funders (self->store, &error);
  if (funders == NULL)
    {
      g_warning ("Could not read the funders: %s", error->message);
      return;
    }
  if (funders->len == 0)
    add_placeholder (self->funders_list,
                     _ ("No funders yet: adding a grant adds its funder"));
  for (guint i = 0; i < funders->len; i++)
    {
      CrFunder  *f = g_ptr_array_index (funders, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (f->contact != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), f->contact);
      add_edit_delete (ADW_ACTION_ROW (row), _ ("Edit the funder"),
                       "money.edit-funder", _ ("Delete the funder"),
                       "money.delete-funder", f->id);
      gtk_list_box_append (self->funders_list, row);
    }
}

/* ---- claims ------------------------------------------------------------- */

static void approve_claim_clicked (GtkButton *button, CrMoneyPage *self);
static void pay_claim_clicked (GtkButton *button, CrMoneyPage *self);

static void
fill_claims (CrMoneyPage *self)
{
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GError) error = NULL;

  clear_list (self->claims_list);
  claims = cr_store_list_claims (self->store, 0, &error);
  if (claims == NULL)
    {
      g_warning ("Could not read the claims: %s", error->message);
      return;
    }
  if (claims->len == 0)
    add_placeholder (self->claims_list, _ ("No expenses claims"));

  for (guint i = 0; i < claims->len; i++)
    {
      CrExpenseClaim  *c = g_ptr_array_index (claims, i);
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *amount = cr_money_format (c->amount);
      g_autofree char *title = g_strdup_printf (
          "%s — %s %s", c->person, cr_claim_kind_get_label (c->kind), amount);
      g_autofree char *submitted = cr_date_iso_to_uk (c->submitted_on);
      g_autofree char *approved =
          c->approved_on ? cr_date_iso_to_uk (c->approved_on) : NULL;
      g_autofree char *paid =
          c->paid_on ? cr_date_iso_to_uk (c->paid_on) : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget       *button = NULL;

      if (paid != NULL)
        subtitle = g_strdup_printf (_ ("%s · claimed %s, approved %s, paid %s"),
                                    c->description ? c->description : "",
                                    submitted, approved, paid);
      else if (approved != NULL)
        {
          subtitle = g_strdup_printf (
              _ ("%s · claimed %s, approved %s, not paid yet"),
              c->description ? c->description : "", submitted, approved);
          button = gtk_button_new_with_mnemonic (_ ("_Pay…"));
          gtk_widget_add_css_class (button, "suggested-action");
          g_signal_connect_object (button, "clicked",
                                   G_CALLBACK (pay_claim_clicked), self, 0);
        }
      else
        {
          subtitle =
              g_strdup_printf (_ ("%s · claimed %s, waiting for approval"),
                               c->description ? c->description : "", submitted);
          button = gtk_button_new_with_mnemonic (_ ("_Approve"));
          g_signal_connect_object (button, "clicked",
                                   G_CALLBACK (approve_claim_clicked), self, 0);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (button != NULL)
        {
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "claim-id",
                                  g_memdup2 (&c->id, sizeof c->id), g_free);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        {
          GtkWidget *done = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_widget_add_css_class (done, "success");
          gtk_accessible_update_property (GTK_ACCESSIBLE (done),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Paid"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
        }
      gtk_list_box_append (self->claims_list, row);
    }
}

/* ---- filters and the cash book ----------------------------------------- */

/* The last choice of the period drop-down. */
#define PERIOD_CUSTOM 5

static void
set_strings (GtkDropDown *dropdown, GPtrArray *strings)
{
  g_ptr_array_add (strings, NULL);
  gtk_drop_down_set_model (dropdown,
                           G_LIST_MODEL (gtk_string_list_new (
                               (const char *const *) strings->pdata)));
  g_ptr_array_set_size (strings, strings->len - 1);
}

static void
fill_filters (CrMoneyPage *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint account = gtk_drop_down_get_selected (self->account_filter);
  guint grant = gtk_drop_down_get_selected (self->grant_filter);
  guint category = gtk_drop_down_get_selected (self->category_filter);

  self->updating = TRUE;

  g_ptr_array_add (names, (gpointer) _ ("All accounts"));
  for (guint i = 0; i < self->accounts->len; i++)
    g_ptr_array_add (
        names, ((CrAccount *) g_ptr_array_index (self->accounts, i))->name);
  set_strings (self->account_filter, names);
  g_ptr_array_set_size (names, 0);

  g_ptr_array_add (names, (gpointer) _ ("All funds"));
  g_ptr_array_add (names, (gpointer) _ ("Own money only"));
  for (guint i = 0; i < self->grants->len; i++)
    g_ptr_array_add (names,
                     ((CrGrant *) g_ptr_array_index (self->grants, i))->name);
  set_strings (self->grant_filter, names);
  g_ptr_array_set_size (names, 0);

  g_ptr_array_add (names, (gpointer) _ ("All categories"));
  for (guint i = 0; i < self->categories->len; i++)
    g_ptr_array_add (
        names, ((CrCategory *) g_ptr_array_index (self->categories, i))->name);
  set_strings (self->category_filter, names);

  /* Keep the choice across a reload when it still exists. */
  if (account <= self->accounts->len)
    gtk_drop_down_set_selected (self->account_filter, account);
  if (grant <= self->grants->len + 1)
    gtk_drop_down_set_selected (self->grant_filter, grant);
  if (category <= self->categories->len)
    gtk_drop_down_set_selected (self->category_filter, category);
  self->updating = FALSE;
}

/* The custom period's fields: each checked as it is typed. A field is
 * marked when it is not a real date, and both when the period ends before
 * it starts. Returns whether both hold a date and the period is whole. */
static gboolean
custom_period (CrMoneyPage *self, char **from, char **to)
{
  const char *from_text =
      gtk_editable_get_text (GTK_EDITABLE (self->period_from));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->period_to));
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  GDate            date;
  gboolean         from_ok, to_ok, order_ok;

  from_ok = *from_text == '\0' || cr_date_parse (from_text, &date, NULL);
  if (*from_text != '\0' && from_ok)
    from_iso = cr_date_to_iso (&date);
  to_ok = *to_text == '\0' || cr_date_parse (to_text, &date, NULL);
  if (*to_text != '\0' && to_ok)
    to_iso = cr_date_to_iso (&date);
  order_ok =
      from_iso == NULL || to_iso == NULL || strcmp (from_iso, to_iso) <= 0;

  if (from_ok && order_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->period_from), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->period_from), "error");
  if (to_ok && order_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->period_to), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->period_to), "error");

  if (from != NULL)
    *from = g_steal_pointer (&from_iso);
  if (to != NULL)
    *to = g_steal_pointer (&to_iso);
  return from_ok && to_ok && order_ok;
}

/* The dates of a period choice; NULL for no limit. */
static void
period_dates (CrMoneyPage *self, guint period, char **from, char **to)
{
  GDate today, start, end;
  int   year;

  cr_date_today (&today);
  *from = NULL;
  *to = NULL;
  switch (period)
    {
      case PERIOD_CUSTOM: /* "From … To …", either end open */
        if (!custom_period (self, from, to))
          {
            g_clear_pointer (from, g_free);
            g_clear_pointer (to, g_free);
          }
        break;
      case 1: /* this month */
        g_date_set_dmy (&start, 1, g_date_get_month (&today),
                        g_date_get_year (&today));
        *from = cr_date_to_iso (&start);
        break;
      case 2: /* the last three months, up to today */
        start = today;
        cr_date_add_months (&start, -3);
        g_date_add_days (&start, 1);
        *from = cr_date_to_iso (&start);
        break;
      case 3: /* the financial year running, from 1 April */
      case 4:
        year = g_date_get_year (&today);
        if (g_date_get_month (&today) < G_DATE_APRIL)
          year--;
        if (period == 4)
          year--;
        g_date_set_dmy (&start, 1, G_DATE_APRIL, year);
        g_date_set_dmy (&end, 31, G_DATE_MARCH, year + 1);
        *from = cr_date_to_iso (&start);
        *to = cr_date_to_iso (&end);
        break;
      default:
        break;
    }
}

static void
reload_entries (CrMoneyPage *self)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *in_text = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *totals = NULL;
  CrCashFilter     filter = { 0 };
  guint            account, grant, category, period;
  gint64           in = 0, out = 0;

  if (self->store == NULL || self->updating)
    return;

  account = gtk_drop_down_get_selected (self->account_filter);
  grant = gtk_drop_down_get_selected (self->grant_filter);
  category = gtk_drop_down_get_selected (self->category_filter);
  if (account != GTK_INVALID_LIST_POSITION && account > 0 &&
      account <= self->accounts->len)
    filter.account_id =
        ((CrAccount *) g_ptr_array_index (self->accounts, account - 1))->id;
  if (grant == 1)
    filter.grant_id = -1;
  else if (grant != GTK_INVALID_LIST_POSITION && grant > 1 &&
           grant - 2 < self->grants->len)
    filter.grant_id =
        ((CrGrant *) g_ptr_array_index (self->grants, grant - 2))->id;
  if (category != GTK_INVALID_LIST_POSITION && category > 0 &&
      category <= self->categories->len)
    filter.category_id =
        ((CrCategory *) g_ptr_array_index (self->categories, category - 1))->id;
  period = gtk_drop_down_get_selected (self->period_filter);
  gtk_widget_set_visible (self->custom_period, period == PERIOD_CUSTOM);
  if (period == PERIOD_CUSTOM && !custom_period (self, NULL, NULL))
    {
      /* Half-typed dates keep the list as it was, and say what is wanted. */
      gtk_label_set_text (self->totals_label,
                          _ ("Type the period’s dates as DD/MM/YYYY, the "
                             "first before the last."));
      return;
    }
  period_dates (self, period, &from, &to);
  filter.from = from;
  filter.to = to;

  list = cr_store_list_entries (self->store, &filter, &error);
  if (list == NULL)
    {
      g_warning ("Could not read the cash book: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      CrMoneyEntryItem *item = g_object_new (CR_TYPE_MONEY_ENTRY_ITEM, NULL);

      item->entry = g_ptr_array_index (list, i);
      if (item->entry->amount > 0)
        in += item->entry->amount;
      else
        out -= item->entry->amount;
      g_ptr_array_add (items, item);
    }
  g_ptr_array_set_free_func (list, NULL);
  g_list_store_splice (self->entries, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);

  in_text = cr_money_format (in);
  out_text = cr_money_format (out);
  totals = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u entry · %s in · %s out",
                   "%u entries · %s in · %s out", list->len),
      list->len, in_text, out_text);
  gtk_label_set_text (self->totals_label, totals);
}

static void
filter_changed (CrMoneyPage *self)
{
  reload_entries (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column     column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column >= COLUMN_IN)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column            column = GPOINTER_TO_UINT (user_data);
  CrMoneyEntryItem *entry_item = gtk_list_item_get_item (item);
  CrCashEntry      *e = entry_item->entry;
  GtkLabel         *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char  *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  switch (column)
    {
      case COLUMN_DATE:
        text = cr_date_iso_to_uk (e->date);
        break;
      case COLUMN_ACCOUNT:
        text = g_strdup (e->account);
        break;
      case COLUMN_PARTY:
        text = g_strdup (e->party);
        break;
      case COLUMN_DESCRIPTION:
        text = g_strdup (e->description);
        break;
      case COLUMN_CATEGORY:
        text = g_strdup (e->category);
        break;
      case COLUMN_FUND:
        text = g_strdup (e->grant);
        break;
      case COLUMN_RECEIPT:
        text = g_strdup (e->receipt);
        break;
      case COLUMN_IN:
        text = e->amount > 0 ? cr_money_format (e->amount) : NULL;
        break;
      case COLUMN_OUT:
        text = e->amount < 0 ? cr_money_format (-e->amount) : NULL;
        break;
      case COLUMN_BALANCE:
        text = cr_money_format (e->balance);
        if (e->balance < 0)
          gtk_widget_add_css_class (GTK_WIDGET (label), "error");
        break;
      default:
        break;
    }
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               column < COLUMN_IN ? text : NULL);
}

static void
add_columns (CrMoneyPage *self)
{
  const struct
  {
    const char *title;
    gboolean    expand;
  } columns[N_COLUMNS] = {
    [COLUMN_DATE] = { N_ ("Date"), FALSE },
    [COLUMN_ACCOUNT] = { N_ ("Account"), FALSE },
    [COLUMN_PARTY] = { N_ ("Payee or payer"), FALSE },
    [COLUMN_DESCRIPTION] = { N_ ("Description"), TRUE },
    [COLUMN_CATEGORY] = { N_ ("Category"), FALSE },
    [COLUMN_FUND] = { N_ ("Grant"), FALSE },
    [COLUMN_RECEIPT] = { N_ ("Receipt"), FALSE },
    [COLUMN_IN] = { N_ ("In"), FALSE },
    [COLUMN_OUT] = { N_ ("Out"), FALSE },
    [COLUMN_BALANCE] = { N_ ("Balance"), FALSE },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory  *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell),
                        GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell),
                        GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_ (columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->entries_view, column);
      g_object_unref (column);
    }
}

/**
 * cr_money_page_reload:
 *
 * Reads the grants, funds, accounts, cash book and claims again, as after
 * an edit.
 */
void
cr_money_page_reload (CrMoneyPage *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CR_IS_MONEY_PAGE (self));

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->grants, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->entries);
      clear_list (self->grants_list);
      clear_list (self->funds_list);
      clear_list (self->accounts_list);
      clear_list (self->funders_list);
      clear_list (self->claims_list);
      return;
    }

  self->accounts = cr_store_list_accounts (self->store, &error);
  if (self->accounts != NULL)
    self->grants = cr_store_list_grants (self->store, &error);
  if (self->grants != NULL)
    self->categories = cr_store_list_categories (self->store, &error);
  if (self->categories == NULL)
    {
      g_warning ("Could not read the accounts: %s", error->message);
      g_clear_pointer (&self->accounts, g_ptr_array_unref);
      g_clear_pointer (&self->grants, g_ptr_array_unref);
      return;
    }

  fill_grants (self);
  fill_balances (self);
  fill_funders (self);
  fill_claims (self);
  fill_filters (self);
  reload_entries (self);
}

void
cr_money_page_set_store (CrMoneyPage *self, CrStore *store)
{
  g_return_if_fail (CR_IS_MONEY_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  cr_money_page_reload (self);
}

void
cr_money_page_show_cash_book (CrMoneyPage *self)
{
  g_return_if_fail (CR_IS_MONEY_PAGE (self));
  gtk_stack_set_visible_child_name (self->money_stack, "cashbook");
}

void
cr_money_page_show_grants (CrMoneyPage *self)
{
  g_return_if_fail (CR_IS_MONEY_PAGE (self));
  gtk_stack_set_visible_child_name (self->money_stack, "grants");
}

void
cr_money_page_show_claims (CrMoneyPage *self)
{
  g_return_if_fail (CR_IS_MONEY_PAGE (self));
  gtk_stack_set_visible_child_name (self->money_stack, "claims");
}

guint
cr_money_page_get_n_grants (CrMoneyPage *self)
{
  g_return_val_if_fail (CR_IS_MONEY_PAGE (self), 0);
  return self->grants != NULL ? self->grants->len : 0;
}

guint
cr_money_page_get_n_entries (CrMoneyPage *self)
{
  g_return_val_if_fail (CR_IS_MONEY_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

/**
 * cr_money_page_set_filter:
 * @account: 0 for all, else the account's place in the list from 1
 * @fund: 0 all, 1 own money only, else the grant's place from 2
 * @category: 0 all, else the category's place from 1
 * @period: 0 all dates, 1 this month, 2 three months, 3 this financial
 *   year, 4 the last, 5 the dates typed in "From … To …"
 *
 * Chooses the cash book's filters, as the drop-downs do.
 */
void
cr_money_page_set_filter (
    CrMoneyPage *self, guint account, guint fund, guint category, guint period)
{
  g_return_if_fail (CR_IS_MONEY_PAGE (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->account_filter, account);
  gtk_drop_down_set_selected (self->grant_filter, fund);
  gtk_drop_down_set_selected (self->category_filter, category);
  gtk_drop_down_set_selected (self->period_filter, period);
  self->updating = FALSE;
  reload_entries (self);
}

/**
 * cr_money_page_get_period_entry:
 * @last: %FALSE for the "From" field, %TRUE for "To"
 *
 * Returns: (transfer none): a field of the custom period, where the dates
 *   are typed as DD/MM/YYYY
 */
GtkEditable *
cr_money_page_get_period_entry (CrMoneyPage *self, gboolean last)
{
  g_return_val_if_fail (CR_IS_MONEY_PAGE (self), NULL);
  return GTK_EDITABLE (last ? self->period_to : self->period_from);
}

static void
period_entry_changed (CrMoneyPage *self)
{
  if (gtk_drop_down_get_selected (self->period_filter) == PERIOD_CUSTOM)
    reload_entries (self);
}

/* ---- forms -------------------------------------------------------------- */

/* A drop-down of @names with "ids" kept beside it. */
static GtkWidget *
id_dropdown (GPtrArray *names, GArray *ids, gint64 selected_id)
{
  GtkWidget *dropdown;
  guint      selected = 0;

  g_ptr_array_add (names, NULL);
  dropdown =
      gtk_drop_down_new_from_strings ((const char *const *) names->pdata);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == selected_id)
      selected = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_object_set_data_full (G_OBJECT (dropdown), "ids", g_array_ref (ids),
                          (GDestroyNotify) g_array_unref);
  return dropdown;
}

static gint64
selected_id (AdwMessageDialog *form, const char *name)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (form), name);
  GArray      *ids = g_object_get_data (G_OBJECT (dropdown), "ids");
  guint        i = gtk_drop_down_get_selected (dropdown);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

/* Checks one field as it is typed: marks it and says whether it is right. */
static gboolean
check_field (AdwMessageDialog *form,
             const char       *name,
             const char       *kind,
             gboolean          required)
{
  GtkWidget       *entry = g_object_get_data (G_OBJECT (form), name);
  g_autofree char *text = NULL;
  gboolean         ok;
  gint64           pence;
  GDate            date;

  if (entry == NULL)
    return TRUE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*text == '\0')
    ok = !required;
  else if (g_str_equal (kind, "money"))
    ok = cr_money_parse (text, &pence, NULL) &&
         cr_money_check_sane (pence, CR_MONEY_NOT_NEGATIVE, "", NULL) &&
         (!required || pence != 0);
  else if (g_str_equal (kind, "balance"))
    ok = cr_money_parse (text, &pence, NULL) &&
         cr_money_check_sane (pence, CR_MONEY_ANY, "", NULL);
  else if (g_str_equal (kind, "date"))
    ok = cr_date_parse (text, &date, NULL);
  else
    ok = TRUE;

  if (ok)
    gtk_widget_remove_css_class (entry, "error");
  else
    gtk_widget_add_css_class (entry, "error");
  return ok;
}

typedef struct
{
  const char *name;
  const char *kind; /* "money", "balance" (either sign), "date" or "text" */
  gboolean    required;
} FieldRule;

static void
validate_form (GtkEditable *editable, AdwMessageDialog *form)
{
  const FieldRule *rules = g_object_get_data (G_OBJECT (form), "rules");
  const char      *response = g_object_get_data (G_OBJECT (form), "response");
  gboolean         ok = TRUE;

  for (guint i = 0; rules[i].name != NULL; i++)
    if (!check_field (form, rules[i].name, rules[i].kind, rules[i].required))
      ok = FALSE;
  adw_message_dialog_set_response_enabled (form, response, ok);
}

static void
watch_form (AdwMessageDialog *form,
            const FieldRule  *rules,
            const char       *response)
{
  g_object_set_data (G_OBJECT (form), "rules", (gpointer) rules);
  g_object_set_data (G_OBJECT (form), "response", (gpointer) response);
  for (guint i = 0; rules[i].name != NULL; i++)
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (form), rules[i].name);

      if (entry != NULL)
        g_signal_connect_object (entry, "changed", G_CALLBACK (validate_form),
                                 form, 0);
    }
  validate_form (NULL, form);
}

static gint64
form_money (AdwMessageDialog *form, const char *name)
{
  g_autofree char *text = g_strstrip (g_strdup (cr_form_get_text (form, name)));
  gint64           pence = 0;

  if (*text != '\0')
    cr_money_parse (text, &pence, NULL);
  return pence;
}

static char *
form_date (AdwMessageDialog *form, const char *name)
{
  g_autofree char *iso = NULL;

  if (!cr_form_get_date (form, name, FALSE, &iso, NULL))
    return NULL;
  return g_steal_pointer (&iso);
}

static char *
form_text (AdwMessageDialog *form, const char *name)
{
  g_autofree char *text = g_strstrip (g_strdup (cr_form_get_text (form, name)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static GtkWidget *
money_entry (gint64 pence)
{
  g_autofree char *text = pence != 0 ? cr_money_format (pence) : NULL;
  GtkWidget       *entry = cr_form_entry (text, _ ("£0.00"));

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  return entry;
}

static GtkWidget *
date_entry (const char *iso)
{
  g_autofree char *uk = iso != NULL ? cr_date_iso_to_uk (iso) : NULL;

  return cr_form_entry (uk, _ ("DD/MM/YYYY"));
}

static void
saved (CrMoneyPage *self, GError *error, const char *heading)
{
  if (error != NULL)
    cr_form_show_problem (GTK_WIDGET (self), heading, error->message);
  cr_money_page_reload (self);
}

static void present_entry_form (CrMoneyPage *self, const CrCashEntry *entry);

/* The entry form: new (id 0) or an existing entry. */
static void
entry_response (AdwMessageDialog *form, const char *response, CrMoneyPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  g_autofree char *party = NULL;
  g_autofree char *receipt = NULL;
  gint64          *id = g_object_get_data (G_OBJECT (form), "entry-id");
  CrCashEntry      e = { 0 };
  gint64           pence;

  if (self->store == NULL)
    return;
  if (g_str_equal (response, "delete") && id != NULL)
    {
      cr_store_delete_entry (self->store, *id, &error);
      saved (self, error, _ ("The entry was not deleted"));
      return;
    }
  if (!g_str_equal (response, "save"))
    return;

  date = form_date (form, "date");
  description = form_text (form, "description");
  party = form_text (form, "party");
  receipt = form_text (form, "receipt");
  pence = form_money (form, "amount");
  e.id = id != NULL ? *id : 0;
  e.date = date;
  e.description = description;
  e.party = party;
  e.receipt = receipt;
  e.amount = cr_form_get_choice (form, "direction") == 0 ? -pence : pence;
  e.account_id = selected_id (form, "account");
  e.category_id = selected_id (form, "category");
  e.grant_id = selected_id (form, "grant");
  e.method = (CrPayMethod) cr_form_get_choice (form, "method");
  e.approved_at = selected_id (form, "approved-at");

  /* A file with no account yet gets one, so the first entry can go in. */
  if (e.account_id == 0)
    e.account_id = cr_store_add_account (self->store, _ ("Bank account"),
                                         CR_ACCOUNT_BANK, 0, NULL, &error);
  if (e.account_id != 0)
    cr_store_save_entry (self->store, &e, &error);
  /* Refused (a restricted fund overspent, say): the form comes back with
   * what was typed, under the reason, so nothing has to be typed again. */
  if (error != NULL)
    present_entry_form (self, &e);
  saved (self, error, _ ("The entry was not saved"));
}

static void
present_entry_form (CrMoneyPage *self, const CrCashEntry *entry)
{
  static const FieldRule rules[] = { { "date", "date", TRUE },
                                     { "amount", "money", TRUE },
                                     { "description", "text", TRUE },
                                     { NULL } };
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *directions[] = { _ ("Money out (spending)"),
                               _ ("Money in (income)"), NULL };
  const char *methods[] = { _ ("Bank"), _ ("Cash"), _ ("Cheque"), _ ("Card"),
                            NULL };
  g_autofree char  *today = cr_date_today_iso ();
  AdwMessageDialog *form;
  GtkWidget        *widget;
  gint64            none = 0;
  gboolean          existing = entry != NULL && entry->id > 0;

  if (self->store == NULL || self->accounts == NULL)
    return;

  form = cr_form_new (
      GTK_WIDGET (self), existing ? _ ("Edit Entry") : _ ("Add Entry"),
      _ ("Money in or out of one account. An entry paid from a "
         "grant must fit one of the grant’s budget lines."),
      "save", existing ? _ ("_Save") : _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "date", _ ("Date"),
               date_entry (entry ? entry->date : today));
  widget = cr_form_add (form, "direction", _ ("Direction"),
                        gtk_drop_down_new_from_strings (directions));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget),
                              entry != NULL && entry->amount > 0 ? 1 : 0);
  cr_form_add (form, "amount", _ ("Amount"),
               money_entry (entry ? ABS (entry->amount) : 0));
  cr_form_add (form, "description", _ ("Description"),
               cr_form_entry (entry ? entry->description : NULL,
                              _ ("What the money was for")));
  cr_form_add (form, "party", _ ("Payee or payer"),
               cr_form_entry (entry ? entry->party : NULL, NULL));

  for (guint i = 0; i < self->accounts->len; i++)
    {
      CrAccount *a = g_ptr_array_index (self->accounts, i);

      g_ptr_array_add (names, a->name);
      g_array_append_val (ids, a->id);
    }
  if (ids->len == 0)
    {
      g_ptr_array_add (names, (gpointer) _ ("Bank account (new)"));
      g_array_append_val (ids, none);
    }
  cr_form_add (form, "account", _ ("Account"),
               id_dropdown (names, ids, entry ? entry->account_id : 0));

  g_ptr_array_set_size (names, 0);
  ids = (g_array_unref (ids), g_array_new (FALSE, FALSE, sizeof (gint64)));
  g_ptr_array_add (names, (gpointer) _ ("None"));
  g_array_append_val (ids, none);
  for (guint i = 0; i < self->categories->len; i++)
    {
      CrCategory *c = g_ptr_array_index (self->categories, i);

      g_ptr_array_add (names, c->name);
      g_array_append_val (ids, c->id);
    }
  cr_form_add (form, "category", _ ("Category"),
               id_dropdown (names, ids, entry ? entry->category_id : 0));

  g_ptr_array_set_size (names, 0);
  ids = (g_array_unref (ids), g_array_new (FALSE, FALSE, sizeof (gint64)));
  g_ptr_array_add (names, (gpointer) _ ("The association’s own money"));
  g_array_append_val (ids, none);
  for (guint i = 0; i < self->grants->len; i++)
    {
      CrGrant *g = g_ptr_array_index (self->grants, i);

      if (g->status != CR_GRANT_AWARDED && g->status != CR_GRANT_CLOSED)
        continue;
      g_ptr_array_add (names, g->name);
      g_array_append_val (ids, g->id);
    }
  cr_form_add (form, "grant", _ ("Fund"),
               id_dropdown (names, ids, entry ? entry->grant_id : 0));

  widget = cr_form_add (form, "method", _ ("Paid by"),
                        gtk_drop_down_new_from_strings (methods));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget),
                              entry ? entry->method : 0);
  cr_form_add (form, "receipt", _ ("Receipt reference"),
               cr_form_entry (entry ? entry->receipt : NULL, _ ("e.g. R-104")));

  /* The meeting that approved the spend: the last few held, and the one
   * already recorded even if it is older, so an edit never loses it. */
  {
    g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    gboolean known = entry == NULL || entry->approved_at == 0;

    g_ptr_array_set_size (names, 0);
    ids = (g_array_unref (ids), g_array_new (FALSE, FALSE, sizeof (gint64)));
    g_ptr_array_add (labels, g_strdup (_ ("Not recorded")));
    g_array_append_val (ids, none);
    cr_store_list_approving_meetings (self->store, 24, ids, labels, NULL);
    for (guint i = 0; i < ids->len; i++)
      if (entry != NULL && g_array_index (ids, gint64, i) == entry->approved_at)
        known = TRUE;
    if (!known)
      {
        g_ptr_array_add (labels, g_strdup (_ ("An earlier meeting (kept)")));
        g_array_append_val (ids, entry->approved_at);
      }
    for (guint i = 0; i < labels->len; i++)
      g_ptr_array_add (names, g_ptr_array_index (labels, i));
    cr_form_add (form, "approved-at", _ ("Approved at"),
                 id_dropdown (names, ids, entry ? entry->approved_at : 0));
  }

  if (existing)
    {
      g_object_set_data_full (G_OBJECT (form), "entry-id",
                              g_memdup2 (&entry->id, sizeof entry->id), g_free);
      adw_message_dialog_add_response (form, "delete", _ ("_Delete"));
      adw_message_dialog_set_response_appearance (form, "delete",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (entry_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
entry_activated (CrMoneyPage *self, guint position)
{
  g_autoptr (CrMoneyEntryItem) item =
      g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (item != NULL)
    present_entry_form (self, item->entry);
}

/* The grant form. */
static void
grant_response (AdwMessageDialog *form, const char *response, CrMoneyPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *funder = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *applied_on = NULL;
  g_autofree char *awarded_on = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *report_due = NULL;
  gint64          *id = g_object_get_data (G_OBJECT (form), "grant-id");
  GtkCheckButton  *restricted =
      g_object_get_data (G_OBJECT (form), "restricted");
  CrGrant g = { 0 };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  name = form_text (form, "name");
  funder = form_text (form, "funder");
  purpose = form_text (form, "purpose");
  conditions = form_text (form, "conditions");
  applied_on = form_date (form, "applied-on");
  awarded_on = form_date (form, "awarded-on");
  start = form_date (form, "start");
  end = form_date (form, "end");
  report_due = form_date (form, "report-due");

  g.id = id != NULL ? *id : 0;
  g.name = name;
  g.purpose = purpose;
  g.conditions = conditions;
  g.applied_on = applied_on;
  g.awarded_on = awarded_on;
  g.period_start = start;
  g.period_end = end;
  g.status = (CrGrantStatus) cr_form_get_choice (form, "status");
  g.requested = form_money (form, "requested");
  g.awarded = (g.status == CR_GRANT_AWARDED || g.status == CR_GRANT_CLOSED)
                  ? form_money (form, "awarded")
                  : 0;
  g.restricted = gtk_check_button_get_active (restricted);

  /* The funder is found by name, or added: the form has no second step. */
  if (!cr_store_begin (self->store, &error))
    {
      saved (self, error, _ ("The grant was not saved"));
      return;
    }
  g.funder_id = cr_store_find_funder (self->store, funder, &error);
  if (g.funder_id == 0 && error == NULL && funder != NULL)
    g.funder_id = cr_store_add_funder (self->store, funder, NULL, &error);
  if (error == NULL)
    g.id = cr_store_save_grant (self->store, &g, &error);
  if (error == NULL && report_due != NULL)
    cr_store_add_grant_report (self->store, g.id, report_due,
                               _ ("Monitoring report"), &error);
  if (error == NULL)
    cr_store_commit (self->store, &error);
  else
    cr_store_rollback (self->store);
  saved (self, error, _ ("The grant was not saved"));
}

static void
present_grant_form (CrMoneyPage *self, const CrGrant *grant)
{
  static const FieldRule rules[] = {
    { "name", "text", TRUE },        { "funder", "text", TRUE },
    { "applied-on", "date", FALSE }, { "requested", "money", FALSE },
    { "awarded-on", "date", FALSE }, { "awarded", "money", FALSE },
    { "start", "date", FALSE },      { "end", "date", FALSE },
    { "report-due", "date", FALSE }, { NULL }
  };
  const char       *statuses[] = { _ ("Draft"),    _ ("Applied"), _ ("Awarded"),
                                   _ ("Declined"), _ ("Closed"),  NULL };
  AdwMessageDialog *form;
  GtkWidget        *widget;

  if (self->store == NULL)
    return;

  form = cr_form_new (
      GTK_WIDGET (self), grant != NULL ? _ ("Edit Grant") : _ ("Add Grant"),
      _ ("An awarded grant needs its award and the date; its "
         "money then pays only for its budget lines unless it "
         "is unrestricted."),
      "save", grant != NULL ? _ ("_Save") : _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "name", _ ("Name"),
               cr_form_entry (grant ? grant->name : NULL,
                              _ ("e.g. Community Chest 2026")));
  cr_form_add (form, "funder", _ ("Funder"),
               cr_form_entry (grant ? grant->funder : NULL, NULL));
  cr_form_add (form, "purpose", _ ("Purpose"),
               cr_form_entry (grant ? grant->purpose : NULL, NULL));
  widget = cr_form_add (form, "status", _ ("Status"),
                        gtk_drop_down_new_from_strings (statuses));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget),
                              grant ? grant->status : CR_GRANT_DRAFT);
  cr_form_add (form, "applied-on", _ ("Applied on"),
               date_entry (grant ? grant->applied_on : NULL));
  cr_form_add (form, "requested", _ ("Amount requested"),
               money_entry (grant ? grant->requested : 0));
  cr_form_add (form, "awarded-on", _ ("Awarded on"),
               date_entry (grant ? grant->awarded_on : NULL));
  cr_form_add (form, "awarded", _ ("Amount awarded"),
               money_entry (grant ? grant->awarded : 0));
  cr_form_add (form, "start", _ ("Period from"),
               date_entry (grant ? grant->period_start : NULL));
  cr_form_add (form, "end", _ ("Period to"),
               date_entry (grant ? grant->period_end : NULL));
  widget = gtk_check_button_new_with_mnemonic (
      _ ("_Restricted: only for its budget lines"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget),
                               grant == NULL || grant->restricted);
  cr_form_add (form, "restricted", _ ("Fund"), widget);
  cr_form_add (form, "conditions", _ ("Conditions"),
               cr_form_entry (grant ? grant->conditions : NULL, NULL));
  cr_form_add (form, "report-due", _ ("Add a monitoring report due on"),
               date_entry (NULL));

  if (grant != NULL)
    g_object_set_data_full (G_OBJECT (form), "grant-id",
                            g_memdup2 (&grant->id, sizeof grant->id), g_free);
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (grant_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
edit_grant_clicked (GtkButton *button, CrMoneyPage *self)
{
  gint64  *id = g_object_get_data (G_OBJECT (button), "grant-id");
  CrGrant *grant = id ? find_grant (self, *id) : NULL;

  if (grant != NULL)
    present_grant_form (self, grant);
}

static void
line_response (AdwMessageDialog *form, const char *response, CrMoneyPage *self)
{
  g_autoptr (GError) error = NULL;
  gint64 *grant_id = g_object_get_data (G_OBJECT (form), "grant-id");

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  cr_store_set_budget_line (self->store, *grant_id,
                            selected_id (form, "category"),
                            form_money (form, "amount"), &error);
  saved (self, error, _ ("The budget line was not saved"));
}

static void
add_budget_line_clicked (GtkButton *button, CrMoneyPage *self)
{
  static const FieldRule rules[] = { { "amount", "money", TRUE }, { NULL } };
  gint64                *id = g_object_get_data (G_OBJECT (button), "grant-id");
  CrGrant               *grant = id ? find_grant (self, *id) : NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char  *heading = NULL;
  AdwMessageDialog *form;

  if (grant == NULL)
    return;
  for (guint i = 0; i < self->categories->len; i++)
    {
      CrCategory *c = g_ptr_array_index (self->categories, i);

      if (c->income)
        continue;
      g_ptr_array_add (names, c->name);
      g_array_append_val (ids, c->id);
    }
  heading = g_strdup_printf (_ ("Budget Line for %s"), grant->name);
  form = cr_form_new (GTK_WIDGET (self), heading,
                      _ ("What the grant may pay for, and how much. Setting a "
                         "line the grant already has changes its amount."),
                      "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "category", _ ("Category"), id_dropdown (names, ids, 0));
  cr_form_add (form, "amount", _ ("Amount"), money_entry (0));
  g_object_set_data_full (G_OBJECT (form), "grant-id",
                          g_memdup2 (id, sizeof *id), g_free);
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (line_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

/* Claims. */
static void
claim_response (AdwMessageDialog *form, const char *response, CrMoneyPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *description = NULL;
  CrExpenseClaim   claim = { 0 };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  person = form_text (form, "person");
  submitted = form_date (form, "date");
  description = form_text (form, "description");
  claim.person_id = cr_store_find_claimant (self->store, person, &error);
  claim.kind = (CrClaimKind) cr_form_get_choice (form, "kind");
  claim.amount = form_money (form, "amount");
  claim.submitted_on = submitted;
  claim.description = description;
  if (claim.person_id != 0)
    cr_store_add_claim (self->store, &claim, &error);
  saved (self, error, _ ("The claim was not saved"));
}

static void
present_claim_form (CrMoneyPage *self)
{
  static const FieldRule rules[] = { { "person", "text", TRUE },
                                     { "date", "date", TRUE },
                                     { "amount", "money", TRUE },
                                     { NULL } };
  const char            *kinds[] = { _ ("Travel"), _ ("Childcare"), _ ("Phone"),
                                     _ ("Other"), NULL };
  g_autofree char       *today = cr_date_today_iso ();
  AdwMessageDialog      *form;

  if (self->store == NULL)
    return;
  form = cr_form_new (GTK_WIDGET (self), _ ("Add Expenses Claim"),
                      _ ("What a volunteer spent for the association and "
                         "asks back. Approve it, then pay it from an account."),
                      "save", _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "person", _ ("Who is claiming"),
               cr_form_entry (NULL, _ ("Full name, as in Members")));
  cr_form_add (form, "kind", _ ("Kind"),
               gtk_drop_down_new_from_strings (kinds));
  cr_form_add (form, "amount", _ ("Amount"), money_entry (0));
  cr_form_add (form, "description", _ ("What for"), cr_form_entry (NULL, NULL));
  cr_form_add (form, "date", _ ("Claimed on"), date_entry (today));
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (claim_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
approve_claim_clicked (GtkButton *button, CrMoneyPage *self)
{
  gint64          *id = g_object_get_data (G_OBJECT (button), "claim-id");
  g_autofree char *today = cr_date_today_iso ();
  g_autoptr (GError) error = NULL;

  if (id == NULL || self->store == NULL)
    return;
  cr_store_approve_claim (self->store, *id, today, 0, &error);
  saved (self, error, _ ("The claim was not approved"));
}

static void
pay_response (AdwMessageDialog *form, const char *response, CrMoneyPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  gint64          *id = g_object_get_data (G_OBJECT (form), "claim-id");

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  date = form_date (form, "date");
  cr_store_pay_claim (self->store, *id, selected_id (form, "account"), date,
                      (CrPayMethod) cr_form_get_choice (form, "method"),
                      &error);
  saved (self, error, _ ("The claim was not paid"));
}

static void
pay_claim_clicked (GtkButton *button, CrMoneyPage *self)
{
  static const FieldRule rules[] = { { "date", "date", TRUE }, { NULL } };
  const char *methods[] = { _ ("Bank"), _ ("Cash"), _ ("Cheque"), _ ("Card"),
                            NULL };
  gint64     *id = g_object_get_data (G_OBJECT (button), "claim-id");
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char  *today = cr_date_today_iso ();
  AdwMessageDialog *form;

  if (id == NULL || self->accounts == NULL || self->accounts->len == 0)
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("No account to pay from"),
                            _ ("Add an entry or import a statement first, so "
                               "the association has an account."));
      return;
    }
  for (guint i = 0; i < self->accounts->len; i++)
    {
      CrAccount *a = g_ptr_array_index (self->accounts, i);

      g_ptr_array_add (names, a->name);
      g_array_append_val (ids, a->id);
    }
  form = cr_form_new (GTK_WIDGET (self), _ ("Pay Claim"),
                      _ ("The payment goes into the cash book under the "
                         "claim’s category."),
                      "save", _ ("_Pay"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "account", _ ("From account"),
               id_dropdown (names, ids, 0));
  cr_form_add (form, "method", _ ("Paid by"),
               gtk_drop_down_new_from_strings (methods));
  cr_form_add (form, "date", _ ("Paid on"), date_entry (today));
  g_object_set_data_full (G_OBJECT (form), "claim-id",
                          g_memdup2 (id, sizeof *id), g_free);
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (pay_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

/* ---- actions ------------------------------------------------------------ */

static void
add_entry_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  present_entry_form (CR_MONEY_PAGE (widget), NULL);
}

static void
add_grant_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  present_grant_form (CR_MONEY_PAGE (widget), NULL);
}

static void
add_claim_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  present_claim_form (CR_MONEY_PAGE (widget));
}

static void
imported (CrMoneyPage *self)
{
  cr_money_page_reload (self);
  cr_money_page_show_cash_book (self);
}

static void
import_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CrMoneyPage) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char     *path = NULL;
  CrEntryImportDialog *dialog;

  file = g_task_propagate_pointer (G_TASK (result), &error);
  if (file == NULL || self->store == NULL)
    return;
  path = g_file_get_path (file);
  dialog = cr_entry_import_dialog_new (self->store, path, &error);
  if (dialog == NULL)
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("The file can’t be read"),
                            error->message);
      return;
    }
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (
      GTK_WINDOW (dialog),
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response (GtkNativeDialog *chooser, int response, GTask *task)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_task_return_pointer (task, file, g_object_unref);
  g_object_unref (task);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CrMoneyPage          *self = CR_MONEY_PAGE (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter        *filter;
  GTask                *task;

  if (self->store == NULL)
    return;

  /* GtkFileDialog is GTK 4.10; 4.8 has the native chooser. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (
      _ ("Import Bank Statement"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("Spreadsheets saved as CSV"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  G_GNUC_END_IGNORE_DEPRECATIONS

  task = g_task_new (NULL, NULL, import_chosen, g_object_ref (self));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exporting the council's workbook, for the period the cash book shows. */
static void
export_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CrMoneyPage) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char     *path = NULL;
  g_autofree char     *from = NULL;
  g_autofree char     *to = NULL;
  g_autofree char     *body = NULL;
  g_autofree char     *closing = NULL;
  CrGrantsReportTotals totals;
  GtkWidget           *done;

  file = g_task_propagate_pointer (G_TASK (result), &error);
  if (file == NULL || self->store == NULL)
    return;
  path = g_file_get_path (file);
  period_dates (self, gtk_drop_down_get_selected (self->period_filter), &from,
                &to);
  if (!cr_report_grants (self->store, path, from, to, &totals, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("The workbook was not saved"),
                            error->message);
      return;
    }
  closing = cr_money_format (totals.closing);
  body = g_strdup_printf (_ ("Saved “%s”: each grant, a sheet per grant and "
                             "the cash book, closing balance %s."),
                          path, closing);
  done = adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
      _ ("Grants Workbook Exported"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (done), "close",
                                   _ ("_Close"));
  gtk_window_present (GTK_WINDOW (done));
}

static void
chooser_response (GtkNativeDialog *chooser, int response, GTask *task);

static void
export_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CrMoneyPage          *self = CR_MONEY_PAGE (widget);
  GtkFileChooserNative *chooser;
  GTask                *task;

  if (self->store == NULL)
    return;
  /* The workbook covers the period the cash book shows: half-typed dates
   * would quietly widen it to every date. */
  if (gtk_drop_down_get_selected (self->period_filter) == PERIOD_CUSTOM &&
      !custom_period (self, NULL, NULL))
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("The period is not finished"),
                            _ ("Type the period’s dates as DD/MM/YYYY, the "
                               "first before the last, or choose another "
                               "period."));
      return;
    }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (
      _ ("Export Grants Workbook"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     _ ("Grants and cash book.xlsx"));
  G_GNUC_END_IGNORE_DEPRECATIONS
  task = g_task_new (NULL, NULL, export_chosen, g_object_ref (self));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A category of the association's own. */
static void
category_response (AdwMessageDialog *form,
                   const char       *response,
                   CrMoneyPage      *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  name = form_text (form, "name");
  cr_store_add_category (self->store, name,
                         cr_form_get_choice (form, "kind") == 1, &error);
  saved (self, error, _ ("The category was not added"));
}

static void
add_category_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  static const FieldRule rules[] = { { "name", "text", TRUE }, { NULL } };
  const char            *kinds[] = { _ ("Spending"), _ ("Income"), NULL };
  CrMoneyPage           *self = CR_MONEY_PAGE (widget);
  AdwMessageDialog      *form;

  if (self->store == NULL)
    return;
  form = cr_form_new (GTK_WIDGET (self), _ ("Add Category"),
                      _ ("A heading of the association’s own for income or "
                         "spending, such as “Summer fun day”."),
                      "save", _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "name", _ ("Name"), cr_form_entry (NULL, NULL));
  cr_form_add (form, "kind", _ ("Kind"),
               gtk_drop_down_new_from_strings (kinds));
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (category_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* ---- accounts, funders and monitoring reports: edit and delete ---------- */

static gint64
form_id (AdwMessageDialog *form)
{
  gint64 *id = g_object_get_data (G_OBJECT (form), "record-id");

  return id != NULL ? *id : 0;
}

static void
set_form_id (AdwMessageDialog *form, gint64 id)
{
  g_object_set_data_full (G_OBJECT (form), "record-id",
                          g_memdup2 (&id, sizeof id), g_free);
}

/* The account form: add (no id) or edit. */
static void
account_response (AdwMessageDialog *form,
                  const char       *response,
                  CrMoneyPage      *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *opened_on = NULL;
  g_autofree char *opening_text = NULL;
  CrAccount        a = { 0 };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  name = form_text (form, "name");
  opened_on = form_date (form, "opened-on");
  opening_text = form_text (form, "opening");
  if (opening_text != NULL &&
      !cr_money_parse (opening_text, &a.opening_balance, &error))
    {
      saved (self, error, _ ("The account was not saved"));
      return;
    }
  a.id = form_id (form);
  a.name = name;
  a.kind = cr_form_get_choice (form, "kind") == 1 ? CR_ACCOUNT_CASH
                                                  : CR_ACCOUNT_BANK;
  a.opened_on = opened_on;
  if (a.id > 0)
    cr_store_update_account (self->store, &a, &error);
  else
    cr_store_add_account (self->store, a.name, a.kind, a.opening_balance,
                          a.opened_on, &error);
  saved (self, error, _ ("The account was not saved"));
}

static void
present_account_form (CrMoneyPage *self, const CrAccount *account)
{
  static const FieldRule rules[] = { { "name", "text", TRUE },
                                     { "opening", "balance", FALSE },
                                     { "opened-on", "date", FALSE },
                                     { NULL } };
  const char       *kinds[] = { _ ("Bank account"), _ ("Petty cash"), NULL };
  AdwMessageDialog *form;
  GtkWidget        *widget;
  g_autofree char  *opening = NULL;

  form = cr_form_new (
      GTK_WIDGET (self),
      account != NULL ? _ ("Edit Account") : _ ("Add Account"),
      _ ("The opening balance is what the account held before its first "
         "entry in the cash book; every balance is worked out from it."),
      "save", account != NULL ? _ ("_Save") : _ ("_Add"),
      ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "name", _ ("Name"),
               cr_form_entry (account ? account->name : NULL,
                              _ ("e.g. Co-op current account")));
  widget = cr_form_add (form, "kind", _ ("Kind"),
                        gtk_drop_down_new_from_strings (kinds));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget),
                              account && account->kind == CR_ACCOUNT_CASH ? 1
                                                                          : 0);
  /* Shown even when nothing: "£0.00" is a balance, not a blank. */
  opening = cr_money_format (account ? account->opening_balance : 0);
  widget = cr_form_add (form, "opening", _ ("Opening balance"),
                        cr_form_entry (opening, _ ("£0.00")));
  gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_NUMBER);
  cr_form_add (form, "opened-on", _ ("Opening balance on"),
               date_entry (account ? account->opened_on : NULL));
  if (account != NULL)
    set_form_id (form, account->id);
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (account_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
add_account_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CrMoneyPage *self = CR_MONEY_PAGE (widget);

  if (self->store != NULL)
    present_account_form (self, NULL);
}

static void
edit_account_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CrMoneyPage *self = CR_MONEY_PAGE (widget);
  g_autoptr (CrAccount) account = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  account = cr_store_get_account (self->store, g_variant_get_int64 (parameter),
                                  &error);
  if (account == NULL)
    saved (self, error, _ ("The account can’t be edited"));
  else
    present_account_form (self, account);
}

static void
delete_account_response (AdwMessageDialog *dialog,
                         const char       *response,
                         CrMoneyPage      *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  cr_store_delete_account (self->store, form_id (dialog), &error);
  saved (self, error, _ ("The account was not deleted"));
}

static void
delete_account_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  CrMoneyPage *self = CR_MONEY_PAGE (widget);
  gint64       id = g_variant_get_int64 (parameter);
  g_autoptr (CrAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  if (self->store == NULL)
    return;
  /* Refused before asking: no one should confirm what can't happen. */
  account = cr_store_get_account (self->store, id, &error);
  if (account == NULL ||
      !cr_store_check_delete_account (self->store, id, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self),
                            _ ("The account can’t be deleted"), error->message);
      return;
    }
  body = g_strdup_printf (_ ("The account “%s” goes from the file. It has no "
                             "entries in the cash book, so no balance or "
                             "report changes."),
                          account->name);
  cr_confirm_delete (GTK_WIDGET (self), _ ("Delete Account?"), body, id,
                     G_CALLBACK (delete_account_response), self);
}

/* The funder form: its name and who to write to. */
static void
funder_response (AdwMessageDialog *form,
                 const char       *response,
                 CrMoneyPage      *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  CrFunder         f = { 0 };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  name = form_text (form, "name");
  contact = form_text (form, "contact");
  f.id = form_id (form);
  f.name = name;
  f.contact = contact;
  cr_store_update_funder (self->store, &f, &error);
  saved (self, error, _ ("The funder was not saved"));
}

static void
edit_funder_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  static const FieldRule rules[] = { { "name", "text", TRUE }, { NULL } };
  CrMoneyPage           *self = CR_MONEY_PAGE (widget);
  g_autoptr (CrFunder) funder = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *form;

  if (self->store == NULL)
    return;
  funder = cr_store_get_funder (self->store, g_variant_get_int64 (parameter),
                                &error);
  if (funder == NULL)
    {
      saved (self, error, _ ("The funder can’t be edited"));
      return;
    }
  form = cr_form_new (GTK_WIDGET (self), _ ("Edit Funder"),
                      _ ("Its grants follow the new name."), "save",
                      _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "name", _ ("Name"), cr_form_entry (funder->name, NULL));
  cr_form_add (form, "contact", _ ("Contact"),
               cr_form_entry (funder->contact, _ ("Who to write to")));
  set_form_id (form, funder->id);
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (funder_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
delete_funder_response (AdwMessageDialog *dialog,
                        const char       *response,
                        CrMoneyPage      *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  cr_store_delete_funder (self->store, form_id (dialog), &error);
  saved (self, error, _ ("The funder was not deleted"));
}

static void
delete_funder_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  CrMoneyPage *self = CR_MONEY_PAGE (widget);
  gint64       id = g_variant_get_int64 (parameter);
  g_autoptr (CrFunder) funder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  if (self->store == NULL)
    return;
  funder = cr_store_get_funder (self->store, id, &error);
  if (funder == NULL || !cr_store_check_delete_funder (self->store, id, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self),
                            _ ("The funder can’t be deleted"), error->message);
      return;
    }
  body = g_strdup_printf (_ ("The funder “%s” goes from the file. It gave no "
                             "grant, so nothing else changes."),
                          funder->name);
  cr_confirm_delete (GTK_WIDGET (self), _ ("Delete Funder?"), body, id,
                     G_CALLBACK (delete_funder_response), self);
}

/* The monitoring report form: when it is due and what is asked. */
static void
report_response (AdwMessageDialog *form,
                 const char       *response,
                 CrMoneyPage      *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *description = NULL;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  due = form_date (form, "due-on");
  description = form_text (form, "description");
  cr_store_update_grant_report (self->store, form_id (form), due, description,
                                &error);
  saved (self, error, _ ("The monitoring report was not saved"));
}

static void
edit_report_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  static const FieldRule rules[] = { { "due-on", "date", TRUE }, { NULL } };
  CrMoneyPage           *self = CR_MONEY_PAGE (widget);
  g_autoptr (CrGrantReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char  *body = NULL;
  AdwMessageDialog *form;

  if (self->store == NULL)
    return;
  report = cr_store_get_grant_report (self->store,
                                      g_variant_get_int64 (parameter), &error);
  if (report == NULL)
    {
      saved (self, error, _ ("The monitoring report can’t be edited"));
      return;
    }
  body = g_strdup_printf (_ ("A report the funder of “%s” asks for."),
                          report->grant);
  form = cr_form_new (GTK_WIDGET (self), _ ("Edit Monitoring Report"), body,
                      "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "due-on", _ ("Due on"), date_entry (report->due_on));
  cr_form_add (form, "description", _ ("What is asked for"),
               cr_form_entry (report->description, _ ("e.g. Interim report")));
  set_form_id (form, report->id);
  watch_form (form, rules, "save");
  g_signal_connect_object (form, "response", G_CALLBACK (report_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
delete_report_response (AdwMessageDialog *dialog,
                        const char       *response,
                        CrMoneyPage      *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  cr_store_delete_grant_report (self->store, form_id (dialog), &error);
  saved (self, error, _ ("The monitoring report was not deleted"));
}

static void
delete_report_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  CrMoneyPage *self = CR_MONEY_PAGE (widget);
  gint64       id = g_variant_get_int64 (parameter);
  g_autoptr (CrGrantReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *body = NULL;

  if (self->store == NULL)
    return;
  report = cr_store_get_grant_report (self->store, id, &error);
  if (report == NULL)
    {
      saved (self, error, _ ("The monitoring report was not deleted"));
      return;
    }
  due = cr_date_iso_to_uk (report->due_on);
  if (report->submitted_on != NULL)
    {
      sent = cr_date_iso_to_uk (report->submitted_on);
      body = g_strdup_printf (_ ("The monitoring report for “%s” due on %s "
                                 "goes, with the record that it was sent on "
                                 "%s."),
                              report->grant, due, sent);
    }
  else
    body = g_strdup_printf (_ ("The monitoring report for “%s” due on %s "
                               "goes. It has not been sent, and nothing will "
                               "remind you of it again."),
                            report->grant, due);
  cr_confirm_delete (GTK_WIDGET (self), _ ("Delete Monitoring Report?"), body,
                     id, G_CALLBACK (delete_report_response), self);
}

/* ---- class -------------------------------------------------------------- */

static void
cr_money_page_dispose (GObject *object)
{
  CrMoneyPage *self = CR_MONEY_PAGE (object);
  GtkWidget   *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->grants, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  G_OBJECT_CLASS (cr_money_page_parent_class)->dispose (object);
}

static void
cr_money_page_class_init (CrMoneyPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_money_page_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/commonroom/CommonRoom/cr-money-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage, money_stack);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage, grants_list);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage, funds_list);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        accounts_list);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        funders_list);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        custom_period);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage, period_from);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage, period_to);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage, claims_list);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        account_filter);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        grant_filter);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        category_filter);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        period_filter);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        entries_view);
  gtk_widget_class_bind_template_child (widget_class, CrMoneyPage,
                                        totals_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, period_entry_changed);

  gtk_widget_class_install_action (widget_class, "money.add-entry", NULL,
                                   add_entry_action);
  gtk_widget_class_install_action (widget_class, "money.add-grant", NULL,
                                   add_grant_action);
  gtk_widget_class_install_action (widget_class, "money.add-claim", NULL,
                                   add_claim_action);
  gtk_widget_class_install_action (widget_class, "money.export", NULL,
                                   export_action);
  gtk_widget_class_install_action (widget_class, "money.add-category", NULL,
                                   add_category_action);
  gtk_widget_class_install_action (widget_class, "money.import", NULL,
                                   import_action);
  gtk_widget_class_install_action (widget_class, "money.add-account", NULL,
                                   add_account_action);
  gtk_widget_class_install_action (widget_class, "money.edit-account", "x",
                                   edit_account_action);
  gtk_widget_class_install_action (widget_class, "money.delete-account", "x",
                                   delete_account_action);
  gtk_widget_class_install_action (widget_class, "money.edit-funder", "x",
                                   edit_funder_action);
  gtk_widget_class_install_action (widget_class, "money.delete-funder", "x",
                                   delete_funder_action);
  gtk_widget_class_install_action (widget_class, "money.edit-report", "x",
                                   edit_report_action);
  gtk_widget_class_install_action (widget_class, "money.delete-report", "x",
                                   delete_report_action);
}

static void
cr_money_page_init (CrMoneyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (CR_TYPE_MONEY_ENTRY_ITEM);
  gtk_column_view_set_model (self->entries_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (
                                 g_object_ref (G_LIST_MODEL (self->entries)))));
  add_columns (self);
}
