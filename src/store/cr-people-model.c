/* cr-people-model.c: the register as a GListModel of CrPerson
 *
 * The model holds only the ids, in register order, and builds each person
 * the first time a view asks for it, so a file of 100,000 people opens at
 * once and costs memory only for the rows that have been seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-people-model.h"

#include "cr-person.h"
#include "cr-store-people.h"

struct _CrPeopleModel
{
  GObject    parent_instance;

  CrStore   *store;
  GArray    *ids;      /* gint64 */
  GPtrArray *people;   /* CrPerson or NULL, parallel to ids */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrPeopleModel, cr_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return CR_TYPE_PERSON;
}

static guint
get_n_items (GListModel *model)
{
  CrPeopleModel *self = CR_PEOPLE_MODEL (model);

  return self->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CrPeopleModel *self = CR_PEOPLE_MODEL (model);
  g_autoptr (GError) error = NULL;
  CrPerson *person;

  if (position >= self->ids->len)
    return NULL;

  person = g_ptr_array_index (self->people, position);
  if (person == NULL)
    {
      gint64 id = g_array_index (self->ids, gint64, position);

      person = cr_store_get_person (self->store, id, NULL, &error);
      if (person == NULL)
        {
          /* The row went away under us (another window erased it); show a
           * blank rather than break the view. */
          g_warning ("Could not read person %" G_GINT64_FORMAT ": %s", id,
                     error->message);
          person = cr_person_new ();
          cr_person_set_id (person, id);
        }
      g_ptr_array_index (self->people, position) = person;
    }

  return g_object_ref (person);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cr_people_model_finalize (GObject *object)
{
  CrPeopleModel *self = (CrPeopleModel *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (cr_people_model_parent_class)->finalize (object);
}

static void
cr_people_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrPeopleModel *self = CR_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_people_model_class_init (CrPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_people_model_finalize;
  object_class->get_property = cr_people_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Rows not yet seen are NULL. */
static void
unref_if_built (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
cr_people_model_init (CrPeopleModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->people = g_ptr_array_new_with_free_func (unref_if_built);
}

/**
 * cr_people_model_new:
 * @store: the open association file
 *
 * A model of everyone in @store in register order. It is empty until
 * cr_people_model_reload() is called.
 *
 * Returns: (transfer full): the model
 */
CrPeopleModel *
cr_people_model_new (CrStore *store)
{
  CrPeopleModel *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_PEOPLE_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * cr_people_model_get_store:
 *
 * Returns: (transfer none): the store the model reads
 */
CrStore *
cr_people_model_get_store (CrPeopleModel *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), NULL);
  return self->store;
}

/**
 * cr_people_model_reload:
 *
 * Reads the list of ids again and tells the views.
 */
gboolean
cr_people_model_reload (CrPeopleModel  *self,
                        GError        **error)
{
  g_autoptr (GArray) ids = NULL;
  guint old_len;

  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), FALSE);

  ids = cr_store_list_person_ids (self->store, error);
  if (ids == NULL)
    return FALSE;

  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_set_size (self->people, 0);
  g_ptr_array_set_size (self->people, self->ids->len);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}
