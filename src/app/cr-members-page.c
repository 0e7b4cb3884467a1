/* cr-members-page.c: the register of people
 *
 * The list is a CrPeopleModel: an array of row ids from the store that
 * builds each person only when a row scrolls into view, so a register of
 * 100,000 people costs no more to show than one of 30.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-members-page.h"

#include "cr-people-model.h"
#include "cr-person.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CrMembersPage
{
  GtkWidget           parent_instance;

  CrStore            *store;
  CrPeopleModel      *model;
  GtkNoSelection     *selection;

  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (CrMembersPage, cr_members_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
set_cell (GtkListItem *item,
          const char  *text)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_person_get_name (person));
}

static void
bind_address (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_person_get_address (person));
}

static void
bind_postcode (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_person_get_postcode (person));
}

static void
bind_tenure (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_tenure_get_label (cr_person_get_tenure (person)));
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  CrPersonStatus status = cr_person_get_status (person);

  set_cell (item, cr_person_status_get_label (status));
  if (status == CR_PERSON_STATUS_CURRENT)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
bind_joined (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);
  const char *iso = cr_person_get_joined (person);
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *uk = NULL;

  /* The file keeps ISO dates; people read them the UK way. */
  if (iso != NULL && strlen (iso) == 10)
    {
      g_autofree char *midnight = g_strconcat (iso, "T00:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  if (date != NULL)
    uk = g_date_time_format (date, "%d/%m/%Y");
  set_cell (item, uk != NULL ? uk : iso);
}

static void
update_state (CrMembersPage *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  CrMembersPage *self)
{
  update_state (self);
}

static void
cr_members_page_dispose (GObject *object)
{
  CrMembersPage *self = CR_MEMBERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_MEMBERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cr_members_page_parent_class)->dispose (object);
}

static char *
get_subtitle (CrMembersPage *self)
{
  guint n;

  if (self->model == NULL)
    return g_strdup ("");
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person",
                                       "%u people", n),
                          n);
}

static void
cr_members_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrMembersPage *self = CR_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, get_subtitle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_members_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrMembersPage *self = CR_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cr_members_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_members_page_class_init (CrMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_members_page_dispose;
  object_class->get_property = cr_members_page_get_property;
  object_class->set_property = cr_members_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  /* "312 people", for the header bar. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, setup_label);
  gtk_widget_class_bind_template_callback (widget_class, bind_name);
  gtk_widget_class_bind_template_callback (widget_class, bind_address);
  gtk_widget_class_bind_template_callback (widget_class, bind_postcode);
  gtk_widget_class_bind_template_callback (widget_class, bind_tenure);
  gtk_widget_class_bind_template_callback (widget_class, bind_status);
  gtk_widget_class_bind_template_callback (widget_class, bind_joined);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crmemberspage");
}

static void
cr_members_page_init (CrMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_members_page_new:
 *
 * Returns: (transfer floating): a page showing no file yet
 */
CrMembersPage *
cr_members_page_new (void)
{
  return g_object_new (CR_TYPE_MEMBERS_PAGE, NULL);
}

/**
 * cr_members_page_set_store:
 * @store: (nullable): the open file, or %NULL when it closes
 *
 * Shows the people of @store.
 */
void
cr_members_page_set_store (CrMembersPage *self,
                           CrStore       *store)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CR_IS_MEMBERS_PAGE (self));
  g_return_if_fail (store == NULL || CR_IS_STORE (store));

  if (self->store == store)
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->model = cr_people_model_new (store);
      if (!cr_people_model_reload (self->model, &error))
        g_warning ("Could not list people: %s", error->message);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (on_items_changed), self, 0);
      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_column_view_set_model (self->column_view,
                                 GTK_SELECTION_MODEL (self->selection));
    }

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * cr_members_page_get_model:
 *
 * Returns: (transfer none) (nullable): the people shown, for tests
 */
GListModel *
cr_members_page_get_model (CrMembersPage *self)
{
  g_return_val_if_fail (CR_IS_MEMBERS_PAGE (self), NULL);
  return self->model ? G_LIST_MODEL (self->model) : NULL;
}
