/* cr-actions-page.c: "You said, we did": every action across meetings
 *
 * What residents raised and what was done about it, oldest first (the
 * longest waiting at the top),
 * for the newsletter and the council: each action with the meeting that
 * agreed it, who does it, by when, and, once done, what was done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-actions-page.h"

#include "cr-date.h"
#include "cr-store-meetings.h"

#include <glib/gi18n.h>

struct _CrActionsPage
{
  GtkWidget    parent_instance;

  CrStore     *store;
  guint        n_shown;

  GtkStack    *stack;
  GtkDropDown *filter_dropdown;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (CrActionsPage, cr_actions_page, GTK_TYPE_WIDGET)

static void
filter_changed (CrActionsPage *self)
{
  cr_actions_page_reload (self);
}

/**
 * cr_actions_page_reload:
 *
 * Reads the log again, as after a meeting's actions changed.
 */
void
cr_actions_page_reload (CrActionsPage *self)
{
  static const CrActionFilter filters[] = { CR_ACTIONS_OPEN, CR_ACTIONS_CLOSED,
                                            CR_ACTIONS_ALL };
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();
  guint selected;
  GtkWidget *child;

  g_return_if_fail (CR_IS_ACTIONS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;
  if (self->store == NULL)
    return;

  selected = MIN (gtk_drop_down_get_selected (self->filter_dropdown), 2);
  actions = cr_store_list_action_log (self->store, filters[selected], 0, &error);
  if (actions == NULL)
    {
      g_warning ("Could not read the actions: %s", error->message);
      return;
    }

  for (guint i = 0; i < actions->len; i++)
    {
      CrAction *a = g_ptr_array_index (actions, i);
      g_autofree char *raised = cr_date_iso_to_uk (a->meeting_date);
      g_autofree char *due = cr_date_iso_to_uk (a->due_date);
      g_autofree char *subtitle = NULL;
      const char *who = a->owner_name && *a->owner_name ? a->owner_name
                                                        : _("No one named");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_label_new (cr_action_status_get_label (a->status));

      if (a->status == CR_ACTION_DONE && a->outcome != NULL && *a->outcome != '\0')
        /* Translators: "Raised at Committee, 04/03/2026. We did: wrote to …" */
        subtitle = g_strdup_printf (_("Raised at %s, %s. We did: %s"),
                                    a->group_name, raised, a->outcome);
      else if (due != NULL)
        subtitle = g_strdup_printf (_("Raised at %s, %s. %s, by %s"),
                                    a->group_name, raised, who, due);
      else
        subtitle = g_strdup_printf (_("Raised at %s, %s. %s"),
                                    a->group_name, raised, who);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->description);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (cr_action_is_overdue (a, today))
        {
          gtk_label_set_text (GTK_LABEL (status), _("Overdue"));
          gtk_widget_add_css_class (status, "error");
        }
      else if (a->status == CR_ACTION_DONE)
        gtk_widget_add_css_class (status, "success");
      else
        gtk_widget_add_css_class (status, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      gtk_list_box_append (self->list, row);
      self->n_shown++;
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_shown ? "list" : "empty");
}

static void
cr_actions_page_dispose (GObject *object)
{
  CrActionsPage *self = CR_ACTIONS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ACTIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cr_actions_page_parent_class)->dispose (object);
}

static void
cr_actions_page_class_init (CrActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_actions_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrActionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrActionsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrActionsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cr_actions_page_init (CrActionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_actions_page_set_store:
 * @store: (nullable): the open file
 */
void
cr_actions_page_set_store (CrActionsPage *self,
                           CrStore       *store)
{
  g_return_if_fail (CR_IS_ACTIONS_PAGE (self));
  g_set_object (&self->store, store);
  cr_actions_page_reload (self);
}

guint
cr_actions_page_get_n_shown (CrActionsPage *self)
{
  g_return_val_if_fail (CR_IS_ACTIONS_PAGE (self), 0);
  return self->n_shown;
}
