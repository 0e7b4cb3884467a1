/* cr-attention-page.c: where the groups are not keeping their own rules
 *
 * What the rules engine finds today (the same list as `commonroom-cli
 * check`), group by group: lapsed members, inquorate meetings, limits
 * reached, minutes overdue, elections due. Read when the page is shown,
 * so it always reflects the last edit. A former member kept past the
 * retention period can be erased from their item, after a confirmation
 * that says what stays and what goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-attention-page.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-rules.h"
#include "cr-store-conduct.h"
#include "cr-store-privacy.h"
#include "cr-store-rules.h"

#include <glib/gi18n.h>

struct _CrAttentionPage
{
  GtkWidget parent_instance;

  CrStore *store;
  guint    n_items;
  gint64   group_id;

  GtkStack *stack;
  GtkBox   *groups_box;
};

G_DEFINE_FINAL_TYPE (CrAttentionPage, cr_attention_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_GROUP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SHOW_PERSON,
  SHOW_MEETING,
  SHOW_GROUP,
  SHOW_PAGE,
  ERASED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * cr_attention_rule_title:
 * @rule: a rule name of `check` ("lapse", "papers-late" …)
 *
 * Returns: (transfer none): a short title for it, translated; @rule
 *   itself for a rule this page doesn't know
 */
const char *
cr_attention_rule_title (const char *rule)
{
  static const struct
  {
    const char *rule;
    const char *title;
  } titles[] = {
    { "lapse", N_ ("Membership lapsed") },
    { "quorum", N_ ("Inquorate meeting") },
    { "max-members", N_ ("Too many members") },
    { "term", N_ ("Term of office reached") },
    { "chair-term", N_ ("Chair’s limit reached") },
    { "meeting-frequency", N_ ("Meetings") },
    { "papers-late", N_ ("Papers late") },
    { "minutes-overdue", N_ ("Minutes overdue") },
    { "training", N_ ("Training") },
    { "election-due", N_ ("Election due") },
    { "agm-due", N_ ("AGM due") },
    { "agm-notice", N_ ("AGM notice") },
    { "grant-report-due", N_ ("Grant report due") },
    { "action-overdue", N_ ("Action overdue") },
    { "agenda-late", N_ ("Agenda item late") },
    { "grant-unspent", N_ ("Grant money unspent") },
    { "request-overdue", N_ ("Request overdue") },
    { "recommendation-action", N_ ("Recommendation needs an action") },
    { "impact-due", N_ ("Impact assessment due") },
    { "lead-max-priorities", N_ ("Too many priorities for one lead") },
    { "reviews-per-year-max", N_ ("Too many reviews this year") },
    { "retention", N_ ("Past the retention period") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].rule, rule) == 0)
      return _ (titles[i].title);
  return rule;
}

static void
row_activated (CrAttentionPage *self, AdwActionRow *row)
{
  CrAttentionSubjectKind kind =
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (id == NULL)
    return;
  switch (kind)
    {
      case CR_ATTENTION_PERSON:
        g_signal_emit (self, signals[SHOW_PERSON], 0, *id);
        break;
      case CR_ATTENTION_MEETING:
        g_signal_emit (self, signals[SHOW_MEETING], 0, *id);
        break;
      case CR_ATTENTION_GROUP:
        g_signal_emit (self, signals[SHOW_GROUP], 0, *id);
        break;
      case CR_ATTENTION_ACTION:
      default:
        g_signal_emit (self, signals[SHOW_PAGE], 0, "actions");
        break;
    }
}

/**
 * cr_attention_page_reload:
 *
 * Runs the rules over the file again, for today.
 */
void
cr_attention_page_reload (CrAttentionPage *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();
  GtkWidget       *child;
  GtkWidget       *group = NULL;
  gint64           group_id = -1;

  g_return_if_fail (CR_IS_ATTENTION_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) !=
         NULL)
    gtk_box_remove (self->groups_box, child);
  self->n_items = 0;
  if (self->store == NULL)
    return;

  items = cr_store_check (self->store, self->group_id, today, &error);
  if (items == NULL)
    {
      g_warning ("Could not check the rules: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);
      g_autofree char *when = cr_date_iso_to_uk (item->date);
      g_autofree char *title = NULL;
      GtkWidget       *row = adw_action_row_new ();
      GtkWidget       *date = gtk_label_new (when ? when : "");

      if (item->group_id != group_id)
        {
          /* Items come by date; a group is opened again when it recurs,
           * which keeps the most pressing first. */
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                           item->group_name ? item->group_name
                                                            : "");
          gtk_box_append (self->groups_box, group);
          group_id = item->group_id;
        }
      title = g_strdup_printf ("%s: %s", cr_attention_rule_title (item->rule),
                               item->subject);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_add_css_class (date, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), date);
      /* Past the retention period: erasing is what the item asks for. */
      if (g_strcmp0 (item->rule, "retention") == 0 &&
          item->subject_kind == CR_ATTENTION_PERSON)
        {
          GtkWidget *erase = gtk_button_new_with_mnemonic (_ ("_Erase…"));
          g_autofree char *tooltip =
              g_strdup_printf (_ ("Erase the details of %s"), item->subject);

          gtk_widget_set_valign (erase, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (erase, tooltip);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (erase),
                                          "attention.erase");
          gtk_actionable_set_action_target_value (
              GTK_ACTIONABLE (erase), g_variant_new_int64 (item->subject_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), erase);
        }
      /* Each row opens what it is about. */
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "kind",
                         GINT_TO_POINTER (item->subject_kind));
      g_object_set_data_full (G_OBJECT (row), "id",
                              g_memdup2 (&item->subject_id, sizeof (gint64)),
                              g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->n_items++;
    }
  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_items ? "list" : "empty");
}

static void
erase_response (AdwMessageDialog *dialog,
                const char       *response,
                CrAttentionPage  *self)
{
  g_autoptr (GError) error = NULL;
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "person");

  if (g_strcmp0 (response, "erase") != 0 || self->store == NULL || id == NULL)
    return;
  /* The same erasure as the person editor's, in one transaction. */
  if (!cr_store_erase_person (self->store, *id, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("Not Erased"),
                            error->message);
      return;
    }
  g_signal_emit (self, signals[ERASED], 0, *id);
  cr_attention_page_reload (self);
}

/* What stays: "3 memberships, 1 office, 24 attendance marks and 2 consent
 * records", each part only when there is something of it; NULL if
 * nothing. */
static char *
kept_text (const CrEraseSummary *s)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last = NULL;
  g_autofree char *list = NULL;

  if (s->memberships > 0)
    g_ptr_array_add (
        parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u membership",
                                             "%u memberships", s->memberships),
                                s->memberships));
  if (s->offices > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u office",
                                                   "%u offices", s->offices),
                                      s->offices));
  if (s->attendance > 0)
    g_ptr_array_add (
        parts,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attendance mark",
                                      "%u attendance marks", s->attendance),
                         s->attendance));
  if (s->consents > 0)
    g_ptr_array_add (
        parts,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u consent record",
                                      "%u consent records", s->consents),
                         s->consents));
  if (parts->len == 0)
    return NULL;
  if (parts->len == 1)
    return g_strdup (parts->pdata[0]);
  last = g_ptr_array_steal_index (parts, parts->len - 1);
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: "3 memberships, 1 office and 24 attendance marks" */
  return g_strdup_printf (_ ("%s and %s"), list, last);
}

/**
 * cr_attention_page_ask_erase:
 * @person_id: a former member past the retention period
 *
 * Asks whether to erase the person's details, saying what is kept under
 * "Former member #N" and what goes; erases them if agreed.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL if the person
 *   could not be read (a problem dialog says why)
 */
AdwMessageDialog *
cr_attention_page_ask_erase (CrAttentionPage *self, gint64 person_id)
{
  g_autoptr (CrEraseSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char  *heading = NULL;
  g_autofree char  *kept = NULL;
  g_autofree char  *gone = NULL;
  g_autofree char  *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (CR_IS_ATTENTION_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  summary = cr_store_get_erase_summary (self->store, person_id, &error);
  if (summary == NULL)
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("Not Erased"),
                            error->message);
      return NULL;
    }

  heading = g_strdup_printf (_ ("Erase the Details of %s?"), summary->name);
  kept = kept_text (summary);
  if (summary->interests > 0)
    gone = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Their name, address, phone, email "
                                         "and notes, and %u declaration of "
                                         "interest, are removed for good.",
                                         "Their name, address, phone, email "
                                         "and notes, and %u declarations of "
                                         "interest, are removed for good.",
                                         summary->interests),
                            summary->interests);
  else
    gone = g_strdup (_ ("Their name, address, phone, email and notes are "
                        "removed for good."));
  /* Translators: the second %s is "Former member #12", the third what
   * stays: "3 memberships and 24 attendance marks". */
  if (kept != NULL)
    body = g_strdup_printf (_ ("%s They stay in the records as “%s”, with %s, "
                               "so past counts and reports still add up. "
                               "There is no undo."),
                            gone, summary->former_name, kept);
  else
    /* Translators: the second %s is "Former member #12". */
    body = g_strdup_printf (_ ("%s They stay in the records as “%s”. There is "
                               "no undo."),
                            gone, summary->former_name);

  dialog = cr_form_new (GTK_WIDGET (self), heading, body, "erase", _ ("_Erase"),
                        ADW_RESPONSE_DESTRUCTIVE);
  /* A destructive answer is never the one Enter gives. */
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "person",
                          g_memdup2 (&person_id, sizeof person_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
erase_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  cr_attention_page_ask_erase (CR_ATTENTION_PAGE (widget),
                               g_variant_get_int64 (parameter));
}

static void
cr_attention_page_dispose (GObject *object)
{
  CrAttentionPage *self = CR_ATTENTION_PAGE (object);
  GtkWidget       *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ATTENTION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cr_attention_page_parent_class)->dispose (object);
}

static void
cr_attention_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrAttentionPage *self = CR_ATTENTION_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        g_value_set_int64 (value, self->group_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_attention_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrAttentionPage *self = CR_ATTENTION_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        cr_attention_page_set_group_id (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_attention_page_class_init (CrAttentionPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_attention_page_dispose;
  object_class->get_property = cr_attention_page_get_property;
  object_class->set_property = cr_attention_page_set_property;

  properties[PROP_GROUP_ID] = g_param_spec_int64 (
      "group-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_PERSON] =
      g_signal_new ("show-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SHOW_MEETING] = g_signal_new (
      "show-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
      NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SHOW_GROUP] =
      g_signal_new ("show-group", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SHOW_PAGE] =
      g_signal_new ("show-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A person's details were erased: lists showing their name are stale. */
  signals[ERASED] =
      g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "attention.erase", "x",
                                   erase_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/cr-attention-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrAttentionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrAttentionPage,
                                        groups_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cr_attention_page_init (CrAttentionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_attention_page_set_store:
 * @store: (nullable): the open file
 */
void
cr_attention_page_set_store (CrAttentionPage *self, CrStore *store)
{
  g_return_if_fail (CR_IS_ATTENTION_PAGE (self));
  g_set_object (&self->store, store);
  /* Read when shown: a big file's check takes half a second. */
  if (store == NULL)
    cr_attention_page_reload (self);
}

guint
cr_attention_page_get_n_items (CrAttentionPage *self)
{
  g_return_val_if_fail (CR_IS_ATTENTION_PAGE (self), 0);
  return self->n_items;
}

gint64
cr_attention_page_get_group_id (CrAttentionPage *self)
{
  g_return_val_if_fail (CR_IS_ATTENTION_PAGE (self), 0);
  return self->group_id;
}

/**
 * cr_attention_page_set_group_id:
 * @group_id: the group whose items to show, or 0 for every group
 */
void
cr_attention_page_set_group_id (CrAttentionPage *self, gint64 group_id)
{
  g_return_if_fail (CR_IS_ATTENTION_PAGE (self));

  if (self->group_id == group_id)
    return;
  self->group_id = group_id;
  /* Read again only if shown; otherwise when it next is. */
  if (self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    cr_attention_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_ID]);
}
