/* cr-attention-page.c: where the groups are not keeping their own rules
 *
 * What the rules engine finds today (the same list as `commonroom-cli
 * check`), group by group: lapsed members, inquorate meetings, limits
 * reached, minutes overdue, elections due. Read when the page is shown,
 * so it always reflects the last edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-attention-page.h"

#include "cr-date.h"
#include "cr-rules.h"
#include "cr-store-rules.h"

#include <glib/gi18n.h>

struct _CrAttentionPage
{
  GtkWidget  parent_instance;

  CrStore   *store;
  guint      n_items;

  GtkStack  *stack;
  GtkBox    *groups_box;
};

G_DEFINE_FINAL_TYPE (CrAttentionPage, cr_attention_page, GTK_TYPE_WIDGET)

static const char *
rule_title (const char *rule)
{
  static const struct
  {
    const char *rule;
    const char *title;
  } titles[] = {
    { "lapse", N_("Membership lapsed") },
    { "quorum", N_("Inquorate meeting") },
    { "max-members", N_("Too many members") },
    { "term", N_("Term of office reached") },
    { "chair-term", N_("Chair’s limit reached") },
    { "meeting-frequency", N_("Meetings") },
    { "papers-late", N_("Papers late") },
    { "minutes-overdue", N_("Minutes overdue") },
    { "training", N_("Training") },
    { "election-due", N_("Election due") },
    { "agm-due", N_("AGM due") },
    { "agm-notice", N_("AGM notice") },
    { "grant-report-due", N_("Grant report due") },
    { "action-overdue", N_("Action overdue") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].rule, rule) == 0)
      return _(titles[i].title);
  return rule;
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
  GtkWidget *child;
  GtkWidget *group = NULL;
  gint64 group_id = -1;

  g_return_if_fail (CR_IS_ATTENTION_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  self->n_items = 0;
  if (self->store == NULL)
    return;

  items = cr_store_check (self->store, 0, today, &error);
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
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *date = gtk_label_new (when ? when : "");

      if (item->group_id != group_id)
        {
          /* Items come by date; a group is opened again when it recurs,
           * which keeps the most pressing first. */
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                           item->group_name ? item->group_name : "");
          gtk_box_append (self->groups_box, group);
          group_id = item->group_id;
        }
      title = g_strdup_printf ("%s: %s", rule_title (item->rule), item->subject);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_add_css_class (date, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), date);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->n_items++;
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_items ? "list" : "empty");
}

static void
cr_attention_page_dispose (GObject *object)
{
  CrAttentionPage *self = CR_ATTENTION_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ATTENTION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cr_attention_page_parent_class)->dispose (object);
}

static void
cr_attention_page_class_init (CrAttentionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_attention_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-attention-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrAttentionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrAttentionPage, groups_box);
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
cr_attention_page_set_store (CrAttentionPage *self,
                             CrStore         *store)
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
