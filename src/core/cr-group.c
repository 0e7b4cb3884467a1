/* cr-group.c: the association, or one of its committees, panels and groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-group.h"

struct _CrGroup
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *kind;
  gint64    parent_id;
  char     *end_date;
  gboolean  one_per_household;
};

G_DEFINE_FINAL_TYPE (CrGroup, cr_group, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cr_group_finalize (GObject *object)
{
  CrGroup *self = CR_GROUP (object);

  g_free (self->name);
  g_free (self->kind);
  g_free (self->end_date);
  G_OBJECT_CLASS (cr_group_parent_class)->finalize (object);
}

static void
cr_group_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CrGroup *self = CR_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_group_class_init (CrGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_group_finalize;
  object_class->get_property = cr_group_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* For GtkDropDown and friends, which find labels by property. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_group_init (CrGroup *self)
{
}

/**
 * cr_group_new:
 * @kind: "association", "committee", "sub-group" …
 * @parent_id: the parent group, or 0
 *
 * Returns: (transfer full): a group
 */
CrGroup *
cr_group_new (gint64      id,
              const char *name,
              const char *kind,
              gint64      parent_id)
{
  CrGroup *self = g_object_new (CR_TYPE_GROUP, NULL);

  self->id = id;
  self->name = g_strdup (name ? name : "");
  self->kind = g_strdup (kind ? kind : "");
  self->parent_id = parent_id;
  return self;
}

gint64
cr_group_get_id (CrGroup *self)
{
  g_return_val_if_fail (CR_IS_GROUP (self), 0);
  return self->id;
}

const char *
cr_group_get_name (CrGroup *self)
{
  g_return_val_if_fail (CR_IS_GROUP (self), NULL);
  return self->name;
}

const char *
cr_group_get_kind (CrGroup *self)
{
  g_return_val_if_fail (CR_IS_GROUP (self), NULL);
  return self->kind;
}

gint64
cr_group_get_parent_id (CrGroup *self)
{
  g_return_val_if_fail (CR_IS_GROUP (self), 0);
  return self->parent_id;
}

/**
 * cr_group_get_end_date:
 *
 * Returns: (nullable): the ISO date a time-limited group ends on
 */
const char *
cr_group_get_end_date (CrGroup *self)
{
  g_return_val_if_fail (CR_IS_GROUP (self), NULL);
  return self->end_date;
}

void
cr_group_set_end_date (CrGroup    *self,
                       const char *end_date)
{
  g_return_if_fail (CR_IS_GROUP (self));
  g_free (self->end_date);
  self->end_date = (end_date && *end_date) ? g_strdup (end_date) : NULL;
}

/**
 * cr_group_get_one_per_household:
 *
 * Returns: whether the group admits one member a household
 */
gboolean
cr_group_get_one_per_household (CrGroup *self)
{
  g_return_val_if_fail (CR_IS_GROUP (self), FALSE);
  return self->one_per_household;
}

void
cr_group_set_one_per_household (CrGroup  *self,
                                gboolean  one)
{
  g_return_if_fail (CR_IS_GROUP (self));
  self->one_per_household = !!one;
}
