/* cr-fold-box.c: two widgets side by side, or the second under the first
 * when the width runs short
 *
 * The attendance rows of the Meetings page put a name beside its three
 * mark buttons. In half a laptop's screen the buttons would leave the name
 * a few letters wide; libadwaita 1.2 has no breakpoints, so this box
 * decides from the width it is given: the end child keeps its natural
 * width beside the start child while the start child still gets the width
 * it wants (or all it asks for, if less), and otherwise goes under it at
 * the full width. The choice is made in measure() for each width, so the
 * height asked for is always the height of the layout used, and nothing
 * is queued for resize during allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-fold-box.h"

/* Between the two children, across or down. */
#define SPACING        12
#define SPACING_FOLDED 6

struct _CrFoldBox
{
  GtkWidget parent_instance;

  GtkWidget *start;
  GtkWidget *end;
  int        start_wanted;
  gboolean   folded;
};

G_DEFINE_FINAL_TYPE (CrFoldBox, cr_fold_box, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
natural_width (GtkWidget *child, int *minimum)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL,
                      NULL);
  if (minimum != NULL)
    *minimum = min;
  return nat;
}

static int
height_for (GtkWidget *child, int width)
{
  int min = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, NULL, NULL,
                      NULL);
  return min;
}

/* Whether @width is too narrow for the two side by side; the width left
 * to the start child when it is not in @start_width. */
static gboolean
folds_at (CrFoldBox *self, int width, int *start_width)
{
  int start_min, start_nat = natural_width (self->start, &start_min);
  int end_nat = natural_width (self->end, NULL);
  int left = width - end_nat - SPACING;

  if (start_width != NULL)
    *start_width = MAX (left, 0);
  return left < MAX (start_min, MIN (start_nat, self->start_wanted));
}

static GtkSizeRequestMode
cr_fold_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cr_fold_box_measure (GtkWidget     *widget,
                     GtkOrientation orientation,
                     int            for_size,
                     int           *minimum,
                     int           *natural,
                     int           *minimum_baseline,
                     int           *natural_baseline)
{
  CrFoldBox *self = CR_FOLD_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int start_min, start_nat = natural_width (self->start, &start_min);
      int end_min, end_nat = natural_width (self->end, &end_min);

      /* Folded, the narrowest it can be; side by side, the widest. */
      *minimum = MAX (start_min, end_min);
      *natural = MAX (*minimum, start_nat + SPACING + end_nat);
    }
  else
    {
      int start_width;
      int height;

      if (for_size < 0)
        for_size = natural_width (self->start, NULL) + SPACING +
                   natural_width (self->end, NULL);
      if (folds_at (self, for_size, &start_width))
        height = height_for (self->start, for_size) + SPACING_FOLDED +
                 height_for (self->end, for_size);
      else
        height = MAX (height_for (self->start, start_width),
                      height_for (self->end, natural_width (self->end, NULL)));
      *minimum = *natural = height;
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
place (GtkWidget *widget, GtkWidget *child, int x, int y, int width, int height)
{
  /* Mirrored for right-to-left languages. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (widget) - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation){ x, y, width, height }, -1);
}

static void
cr_fold_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  CrFoldBox *self = CR_FOLD_BOX (widget);
  int        start_width;
  gboolean   folded = folds_at (self, width, &start_width);

  if (folded)
    {
      int start_height = height_for (self->start, width);

      place (widget, self->start, 0, 0, width, start_height);
      place (widget, self->end, 0, start_height + SPACING_FOLDED, width,
             MAX (height - start_height - SPACING_FOLDED, 0));
    }
  else
    {
      int end_width = width - start_width - SPACING;

      place (widget, self->start, 0, 0, start_width, height);
      place (widget, self->end, width - end_width, 0, end_width, height);
    }
  if (folded != self->folded)
    {
      self->folded = folded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
    }
}

static void
cr_fold_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrFoldBox *self = CR_FOLD_BOX (object);

  switch (prop_id)
    {
      case PROP_FOLDED:
        g_value_set_boolean (value, self->folded);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_fold_box_dispose (GObject *object)
{
  CrFoldBox *self = CR_FOLD_BOX (object);

  g_clear_pointer (&self->start, gtk_widget_unparent);
  g_clear_pointer (&self->end, gtk_widget_unparent);
  G_OBJECT_CLASS (cr_fold_box_parent_class)->dispose (object);
}

static void
cr_fold_box_class_init (CrFoldBoxClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_fold_box_dispose;
  object_class->get_property = cr_fold_box_get_property;
  widget_class->get_request_mode = cr_fold_box_get_request_mode;
  widget_class->measure = cr_fold_box_measure;
  widget_class->size_allocate = cr_fold_box_size_allocate;

  properties[PROP_FOLDED] = g_param_spec_boolean (
      "folded", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_fold_box_init (CrFoldBox *self)
{
}

/**
 * cr_fold_box_new:
 * @start: the first child: beside @end, or above it when folded
 * @end: the second child, kept at its natural width beside @start
 * @start_wanted: the width @start must keep beside @end (or all it asks
 *   for, if less) before @end goes under it
 *
 * Returns: (transfer floating): a new box holding both
 */
GtkWidget *
cr_fold_box_new (GtkWidget *start, GtkWidget *end, int start_wanted)
{
  CrFoldBox *self;

  g_return_val_if_fail (GTK_IS_WIDGET (start), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (end), NULL);

  self = g_object_new (CR_TYPE_FOLD_BOX, NULL);
  self->start = start;
  self->end = end;
  self->start_wanted = MAX (start_wanted, 0);
  gtk_widget_set_parent (start, GTK_WIDGET (self));
  gtk_widget_insert_after (end, GTK_WIDGET (self), start);
  return GTK_WIDGET (self);
}

/**
 * cr_fold_box_get_folded:
 *
 * Returns: whether the end child sits under the start child, as last laid
 *   out
 */
gboolean
cr_fold_box_get_folded (CrFoldBox *self)
{
  g_return_val_if_fail (CR_IS_FOLD_BOX (self), FALSE);
  return self->folded;
}
