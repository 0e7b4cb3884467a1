/* cr-page.c: A4 pages laid out once, drawn in any order
 *
 * The document is kept as a list of slices: one line of a paragraph, a
 * table row, a gap, a rule, a pair of signature lines. A slice is the
 * smallest thing that is never split across pages, so pagination is one
 * greedy pass that drops slices onto pages, honouring "keep with next"
 * chains (headings, the first and last two lines of a paragraph) and
 * putting a table's header row back at the top of each page it runs onto.
 * Each slice remembers its page and its place there; drawing a page then
 * only draws that page's slices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-page.h"

#include "cr-date.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* Cantarell is GNOME's own face and is in the Flatpak runtime; the others
 * are there so a bare system still prints in a plain, open sans. */
#define FONT_FAMILY "Cantarell,Noto Sans,Liberation Sans,DejaVu Sans,Sans"

#define RUNNING_HEADER_HEIGHT  30.0
#define FOOTER_RULE_Y          (CR_PAGE_A4_HEIGHT - 48.0)
#define FOOTER_TEXT_Y          (CR_PAGE_A4_HEIGHT - 43.0)
#define INDENT_STEP            18.0
#define BAR_WIDTH               3.0
#define BAR_GAP                12.0
#define CELL_PAD_X              6.0
#define CELL_PAD_Y              5.0
#define SIGNATURE_HEIGHT       46.0
#define RULE_HEIGHT            16.0
#define EPSILON                 0.01

/* Greys rather than pure black: calmer on the page, and still dark enough
 * for a cheap laser printer and older eyes. */
#define INK          0.11
#define INK_SOFT     0.30
#define RULE_GREY    0.60
#define STRIPE_GREY  0.95

typedef struct
{
  double       size;
  PangoWeight  weight;
  PangoStyle   slant;
  double       line_spacing;  /* a factor of the font's own height */
  double       space_after;
  double       grey;
} StyleInfo;

static const StyleInfo styles[] = {
  [CR_PAGE_STYLE_BODY]     = { 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                               1.25, 8.0, INK },
  [CR_PAGE_STYLE_TITLE]    = { 24.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                               1.1, 4.0, INK },
  [CR_PAGE_STYLE_SUBTITLE] = { 16.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                               1.15, 4.0, INK },
  [CR_PAGE_STYLE_DETAILS]  = { 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                               1.25, 2.0, INK_SOFT },
  [CR_PAGE_STYLE_HEADING]  = { 13.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                               1.15, 6.0, INK },
  [CR_PAGE_STYLE_NOTE]     = { 11.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                               1.25, 6.0, INK_SOFT },
};

typedef enum
{
  SLICE_LINE,
  SLICE_SPACE,
  SLICE_RULE,
  SLICE_ROW,
  SLICE_SIGNATURE,
} SliceKind;

typedef struct
{
  SliceKind     kind;
  double        height;
  double        x;            /* from the left margin */
  double        grey;
  guint         keep_with_next : 1;
  guint         discardable : 1;  /* a gap: dropped at the top of a page */
  guint         bar : 1;

  /* SLICE_LINE: a line of a paragraph laid out in doc->layouts */
  PangoLayout  *layout;
  int           line;
  double        baseline;     /* from the top of the slice */
  double        top;          /* the line's top in its layout */
  double        line_x;

  /* SLICE_ROW and SLICE_SIGNATURE: layouts owned by the slice */
  CrPageTable  *table;
  guint         row;
  PangoLayout **cells;
  guint         n_cells;
  double        pad_top;      /* SLICE_ROW: above each cell's text */
  double        widths[2];    /* SLICE_SIGNATURE: the two lines */
} Slice;

struct _CrPageTable
{
  CrPageDoc         *doc;
  guint              n_columns;
  double            *x;       /* each column's left edge, from the margin */
  double            *widths;
  CrPageTableFlags   flags;
  double             min_row_height;
  PangoLayout      **header;
  double             header_height;
  PangoLayout       *continued;
  double             continued_height;
  guint              n_rows;

  int                header_page;  /* while paginating */
};

typedef enum
{
  PLACE_SLICE,
  PLACE_TABLE_HEADER,
  PLACE_CONTINUED,
} PlaceKind;

typedef struct
{
  PlaceKind    kind;
  int          page;
  double       y;
  guint        slice;
  CrPageTable *table;
} Placement;

struct _CrPageDoc
{
  PangoContext *context;
  char         *header_left;
  char         *header_right;
  char         *printed_on;

  GArray       *slices;       /* of Slice */
  GPtrArray    *layouts;      /* paragraphs, shared by their lines */
  GPtrArray    *tables;

  double        running_height;  /* pages after the first */

  gboolean      paginated;
  GArray       *placements;   /* of Placement, in page order */
  GArray       *page_starts;  /* of guint: each page's first placement */
  int           n_pages;
};

G_DEFINE_QUARK (cr-print-error-quark, cr_print_error)

static void running_header_layouts (CrPageDoc    *doc,
                                    PangoLayout **left,
                                    PangoLayout **right,
                                    gboolean     *stacked);

static void
slice_clear (gpointer data)
{
  Slice *slice = data;

  for (guint i = 0; i < slice->n_cells; i++)
    g_clear_object (&slice->cells[i]);
  g_clear_pointer (&slice->cells, g_free);
}

static void
table_free (CrPageTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_clear_object (&table->header[i]);
  g_free (table->header);
  g_clear_object (&table->continued);
  g_free (table->x);
  g_free (table->widths);
  g_free (table);
}

/**
 * cr_page_escape:
 * @text: (nullable): plain text
 *
 * Returns: (transfer full): @text as Pango markup showing it literally;
 *   "" for %NULL
 */
char *
cr_page_escape (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  return g_markup_escape_text (valid, -1);
}

/**
 * cr_page_doc_new:
 * @header_left: the left of the running header on pages after the first,
 *   usually the association's name
 * @header_right: (nullable): its right: the document and the date
 *
 * Starts an empty A4 document. Add blocks top to bottom; once a page has
 * been counted or drawn, the document is complete and takes no more.
 *
 * Returns: (transfer full): a new document; free with cr_page_doc_free()
 */
CrPageDoc *
cr_page_doc_new (const char *header_left,
                 const char *header_right)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  CrPageDoc *doc;
  GDate today;

  g_return_val_if_fail (header_left != NULL, NULL);

  doc = g_new0 (CrPageDoc, 1);

  /* A context of our own, not the target's: the same metrics whatever the
   * pages are drawn on, so a page counted for the print dialog is the page
   * the printer gets. 72 dpi makes one Pango point one cairo unit. */
  doc->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (doc->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (doc->context, FALSE);
  pango_context_set_language (doc->context,
                              pango_language_from_string ("en-gb"));

  doc->header_left = g_utf8_make_valid (header_left, -1);
  doc->header_right = g_utf8_make_valid (header_right != NULL ? header_right
                                                              : "", -1);
  cr_date_today (&today);
  doc->printed_on = cr_date_to_uk (&today);

  {
    g_autoptr (PangoLayout) left = NULL;
    g_autoptr (PangoLayout) right = NULL;
    gboolean stacked;

    running_header_layouts (doc, &left, &right, &stacked);
    doc->running_height = stacked ? RUNNING_HEADER_HEIGHT + 14
                                  : RUNNING_HEADER_HEIGHT;
  }

  doc->slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  g_array_set_clear_func (doc->slices, slice_clear);
  doc->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  doc->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  doc->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  doc->page_starts = g_array_new (FALSE, TRUE, sizeof (guint));
  return doc;
}

/**
 * cr_page_doc_free:
 * @doc: (nullable) (transfer full): a document
 */
void
cr_page_doc_free (CrPageDoc *doc)
{
  if (doc == NULL)
    return;

  g_clear_pointer (&doc->slices, g_array_unref);
  g_clear_pointer (&doc->layouts, g_ptr_array_unref);
  g_clear_pointer (&doc->tables, g_ptr_array_unref);
  g_clear_pointer (&doc->placements, g_array_unref);
  g_clear_pointer (&doc->page_starts, g_array_unref);
  g_clear_object (&doc->context);
  g_free (doc->header_left);
  g_free (doc->header_right);
  g_free (doc->printed_on);
  g_free (doc);
}

static PangoLayout *
new_layout (CrPageDoc   *doc,
            double       size,
            PangoWeight  weight,
            PangoStyle   slant,
            double       line_spacing,
            double       width)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, slant);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  if (line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) line_spacing);
  return layout;
}

static PangoLayout *
style_layout (CrPageDoc   *doc,
              CrPageStyle  style,
              double       width)
{
  const StyleInfo *info = &styles[style];

  return new_layout (doc, info->size, info->weight, info->slant,
                     info->line_spacing, width);
}

/* Sets @markup, falling back to the text shown literally if it is not
 * valid markup, so a stray "<" in a name can never blank a page. */
static void
set_markup (PangoLayout *layout,
            const char  *markup)
{
  g_autofree char *valid = g_utf8_make_valid (markup != NULL ? markup : "",
                                              -1);

  if (!pango_parse_markup (valid, -1, 0, NULL, NULL, NULL, NULL))
    {
      g_debug ("Not markup, shown as text: %s", valid);
      pango_layout_set_text (layout, valid, -1);
      return;
    }
  pango_layout_set_markup (layout, valid, -1);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static Slice *
append_slice (CrPageDoc *doc,
              SliceKind  kind,
              double     height)
{
  Slice slice = { 0 };

  g_return_val_if_fail (!doc->paginated, NULL);

  slice.kind = kind;
  slice.height = height;
  slice.grey = INK;
  g_array_append_val (doc->slices, slice);
  return &g_array_index (doc->slices, Slice, doc->slices->len - 1);
}

/**
 * cr_page_doc_add_markup:
 * @doc: a document
 * @style: the type style
 * @flags: how the paragraph sits on the page
 * @markup: Pango markup; a newline breaks the line
 *
 * Adds a paragraph the width of the text area, wrapped at word ends (or
 * within a word too long for a line). A paragraph may run from one page
 * onto the next, but never leaves its first or last line alone; headings
 * are kept with what follows them.
 */
void
cr_page_doc_add_markup (CrPageDoc        *doc,
                        CrPageStyle       style,
                        CrPageBlockFlags  flags,
                        const char       *markup)
{
  PangoLayout *layout;
  PangoLayoutIter *iter;
  gboolean keep = (flags & CR_PAGE_BLOCK_KEEP_WITH_NEXT) != 0 ||
                  style == CR_PAGE_STYLE_HEADING ||
                  style == CR_PAGE_STYLE_TITLE ||
                  style == CR_PAGE_STYLE_SUBTITLE;
  double x = 0;
  int n_lines;
  int i = 0;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (!doc->paginated);
  g_return_if_fail ((guint) style < G_N_ELEMENTS (styles));
  g_return_if_fail (markup != NULL);

  if (flags & CR_PAGE_BLOCK_INDENT)
    x += INDENT_STEP;
  if (flags & CR_PAGE_BLOCK_BAR)
    x += BAR_WIDTH + BAR_GAP;

  layout = style_layout (doc, style, CR_PAGE_TEXT_WIDTH - x);
  set_markup (layout, markup);
  g_ptr_array_add (doc->layouts, layout);

  n_lines = pango_layout_get_line_count (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      Slice *slice;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);

      /* A line's share of the page runs to where the next line starts:
       * the line spacing lies between the two, not inside either. */
      if (i > 0)
        {
          Slice *above = &g_array_index (doc->slices, Slice,
                                         doc->slices->len - 1);

          above->height = (double) y0 / PANGO_SCALE - above->top;
        }

      slice = append_slice (doc, SLICE_LINE, (double) (y1 - y0) / PANGO_SCALE);
      slice->layout = layout;
      slice->line = i;
      slice->top = (double) y0 / PANGO_SCALE;
      slice->x = x;
      slice->grey = styles[style].grey;
      slice->line_x = (double) logical.x / PANGO_SCALE;
      slice->baseline = (double) (pango_layout_iter_get_baseline (iter) - y0) /
                        PANGO_SCALE;
      slice->bar = (flags & CR_PAGE_BLOCK_BAR) != 0;
      /* No orphan (a first line alone at the foot of a page) and no widow
       * (a last line alone at the top of the next). */
      slice->keep_with_next = (i == 0 && n_lines > 1) ||
                              (i == n_lines - 2) ||
                              (keep && i == n_lines - 1) ||
                              style == CR_PAGE_STYLE_HEADING;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (styles[style].space_after > 0)
    {
      Slice *gap = append_slice (doc, SLICE_SPACE, styles[style].space_after);

      gap->discardable = TRUE;
      gap->keep_with_next = keep;
    }
}

/**
 * cr_page_doc_add_text:
 * @doc: a document
 * @style: the type style
 * @flags: how the paragraph sits on the page
 * @text: plain text, shown as written
 *
 * As cr_page_doc_add_markup(), for text that is not markup.
 */
void
cr_page_doc_add_text (CrPageDoc        *doc,
                      CrPageStyle       style,
                      CrPageBlockFlags  flags,
                      const char       *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  markup = cr_page_escape (text);
  cr_page_doc_add_markup (doc, style, flags, markup);
}

/**
 * cr_page_doc_add_space:
 * @doc: a document
 * @points: how much
 *
 * Adds vertical space; space that falls at the top of a page is dropped.
 */
void
cr_page_doc_add_space (CrPageDoc *doc,
                       double     points)
{
  Slice *slice;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (!doc->paginated);
  g_return_if_fail (points >= 0);

  slice = append_slice (doc, SLICE_SPACE, points);
  slice->discardable = TRUE;
}

/**
 * cr_page_doc_add_rule:
 * @doc: a document
 *
 * Adds a thin line across the text area, with a little space around it.
 */
void
cr_page_doc_add_rule (CrPageDoc *doc)
{
  Slice *slice;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (!doc->paginated);

  slice = append_slice (doc, SLICE_RULE, RULE_HEIGHT);
  slice->discardable = TRUE;
}

/**
 * cr_page_doc_add_signature:
 * @doc: a document
 * @first_label: the label before the first line, e.g. "Chair"
 * @first_width: the length of the line to sign on
 * @second_label: (nullable): a second label on the same row, e.g. "Date"
 * @second_width: the length of its line
 *
 * Adds a row of labelled lines to write on by hand.
 */
void
cr_page_doc_add_signature (CrPageDoc  *doc,
                           const char *first_label,
                           double      first_width,
                           const char *second_label,
                           double      second_width)
{
  Slice *slice;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (!doc->paginated);
  g_return_if_fail (first_label != NULL);

  slice = append_slice (doc, SLICE_SIGNATURE, SIGNATURE_HEIGHT);
  slice->n_cells = second_label != NULL ? 2 : 1;
  slice->cells = g_new0 (PangoLayout *, 2);
  slice->widths[0] = first_width;
  slice->widths[1] = second_width;
  for (guint i = 0; i < slice->n_cells; i++)
    {
      g_autofree char *markup = cr_page_escape (i == 0 ? first_label
                                                       : second_label);

      slice->cells[i] = style_layout (doc, CR_PAGE_STYLE_BODY, -1);
      pango_layout_set_width (slice->cells[i], -1);
      set_markup (slice->cells[i], markup);
    }
}

/**
 * cr_page_doc_add_table:
 * @doc: a document
 * @columns: (array length=n_columns): the columns, left to right
 * @n_columns: how many
 * @flags: the table's look
 * @min_row_height: the least height of a row, e.g. room to sign in
 * @continued: (nullable): a caption put above the header row where the
 *   table runs onto a new page, e.g. "Members (continued)"
 *
 * Starts a table across the text area. Add its rows with
 * cr_page_table_add_row() before adding anything after it.
 *
 * Returns: (transfer none): the table, owned by @doc
 */
CrPageTable *
cr_page_doc_add_table (CrPageDoc          *doc,
                       const CrPageColumn *columns,
                       guint               n_columns,
                       CrPageTableFlags    flags,
                       double              min_row_height,
                       const char         *continued)
{
  CrPageTable *table;
  double total = 0;
  double x = 0;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (!doc->paginated, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  for (guint i = 0; i < n_columns; i++)
    total += MAX (columns[i].share, 0.0);
  if (total <= 0)
    total = 1;

  table = g_new0 (CrPageTable, 1);
  table->doc = doc;
  table->n_columns = n_columns;
  table->flags = flags;
  table->min_row_height = min_row_height;
  table->x = g_new0 (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  table->header = g_new0 (PangoLayout *, n_columns);
  table->header_page = -1;

  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->widths[i] = CR_PAGE_TEXT_WIDTH * MAX (columns[i].share, 0.0) /
                         total;
      x += table->widths[i];
    }

  if (flags & CR_PAGE_TABLE_HEADER)
    {
      double tallest = 0;

      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *markup = cr_page_escape (columns[i].title);

          table->header[i] = new_layout (doc, 11.0, PANGO_WEIGHT_BOLD,
                                         PANGO_STYLE_NORMAL, 1.15,
                                         table->widths[i] - 2 * CELL_PAD_X);
          set_markup (table->header[i], markup);
          tallest = MAX (tallest, layout_height (table->header[i]));
        }
      table->header_height = tallest + 2 * CELL_PAD_Y + 2;
    }

  if (continued != NULL)
    {
      g_autofree char *markup = cr_page_escape (continued);

      table->continued = new_layout (doc, 11.0, PANGO_WEIGHT_NORMAL,
                                     PANGO_STYLE_ITALIC, 1.15,
                                     CR_PAGE_TEXT_WIDTH);
      set_markup (table->continued, markup);
      table->continued_height = layout_height (table->continued) + 6;
    }

  g_ptr_array_add (doc->tables, table);
  return table;
}

/**
 * cr_page_table_add_row:
 * @table: a table, the last thing added to its document
 * @markup: (array) (nullable): one Pango markup string (or %NULL for an
 *   empty cell) for each column; %NULL for a blank row
 *
 * Adds a row, as tall as its tallest cell or the table's least row
 * height. Body text is 11.5 pt; a row is never split across pages.
 */
void
cr_page_table_add_row (CrPageTable        *table,
                       const char * const *markup)
{
  CrPageDoc *doc;
  Slice *slice;
  double tallest = 0;
  double first_line = 0;

  g_return_if_fail (table != NULL);

  doc = table->doc;
  slice = append_slice (doc, SLICE_ROW, 0);
  g_return_if_fail (slice != NULL);
  slice->table = table;
  slice->row = table->n_rows++;
  slice->n_cells = table->n_columns;
  slice->cells = g_new0 (PangoLayout *, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    {
      PangoLayoutIter *iter;
      int y0, y1;

      if (markup == NULL || markup[i] == NULL || *markup[i] == '\0')
        continue;
      slice->cells[i] = style_layout (doc, CR_PAGE_STYLE_BODY,
                                      table->widths[i] - 2 * CELL_PAD_X);
      set_markup (slice->cells[i], markup[i]);
      tallest = MAX (tallest, layout_height (slice->cells[i]));

      iter = pango_layout_get_iter (slice->cells[i]);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_free (iter);
      first_line = MAX (first_line, (double) (y1 - y0) / PANGO_SCALE);
    }

  /* Every cell's first line on one level, centred as if the row held one
   * line each; a cell of several lines makes the row deeper, below. */
  slice->pad_top = MAX (CELL_PAD_Y, (table->min_row_height - first_line) / 2);
  slice->height = MAX (table->min_row_height, tallest + 2 * slice->pad_top);
}

static double
content_top (CrPageDoc *doc,
             int        page)
{
  return page == 0 ? CR_PAGE_MARGIN_TOP
                   : CR_PAGE_MARGIN_TOP + doc->running_height;
}

static double
content_bottom (void)
{
  return CR_PAGE_A4_HEIGHT - CR_PAGE_MARGIN_BOTTOM;
}

/* What must go above @slice if it is placed on @page: a table row that
 * starts its table on this page brings the header row (and, when the
 * table is continuing, the caption saying so). */
static double
prefix_height (const Slice *slice,
               int          page)
{
  const CrPageTable *table = slice->table;
  double height = 0;

  if (slice->kind != SLICE_ROW || table->header_page == page)
    return 0;
  if (table->header_page >= 0 && table->continued != NULL)
    height += table->continued_height;
  if (table->flags & CR_PAGE_TABLE_HEADER)
    height += table->header_height;
  return height;
}

/* The height from slice @i to the end of its keep-with-next chain. A
 * chain taller than a page cannot be kept together and counts as the
 * slice alone. */
static double
needed_height (CrPageDoc *doc,
               guint      i,
               int        page)
{
  Slice *first = &g_array_index (doc->slices, Slice, i);
  double need = prefix_height (first, page) + first->height;
  double chain = need;
  const CrPageTable *table = first->table;

  for (guint j = i; j + 1 < doc->slices->len; j++)
    {
      Slice *here = &g_array_index (doc->slices, Slice, j);
      Slice *next = &g_array_index (doc->slices, Slice, j + 1);

      if (!here->keep_with_next)
        break;
      if (next->kind == SLICE_ROW && next->table != table)
        chain += prefix_height (next, page);
      chain += next->height;
      table = next->kind == SLICE_ROW ? next->table : table;
    }

  if (chain > content_bottom () - content_top (doc, 1))
    return need;
  return chain;
}

static void
place (CrPageDoc   *doc,
       PlaceKind    kind,
       int          page,
       double       y,
       guint        slice,
       CrPageTable *table)
{
  Placement placement = { kind, page, y, slice, table };

  while ((int) doc->page_starts->len <= page)
    g_array_append_val (doc->page_starts, doc->placements->len);
  g_array_append_val (doc->placements, placement);
}

static void
paginate (CrPageDoc *doc)
{
  int page = 0;
  double y = content_top (doc, 0);
  guint zero = 0;

  if (doc->paginated)
    return;
  doc->paginated = TRUE;

  for (guint i = 0; i < doc->tables->len; i++)
    ((CrPageTable *) g_ptr_array_index (doc->tables, i))->header_page = -1;

  /* A table's last row never goes over a page alone. */
  for (guint i = 1; i < doc->slices->len; i++)
    {
      Slice *row = &g_array_index (doc->slices, Slice, i);
      Slice *before = &g_array_index (doc->slices, Slice, i - 1);
      Slice *after = i + 1 < doc->slices->len ?
                     &g_array_index (doc->slices, Slice, i + 1) : NULL;

      if (row->kind == SLICE_ROW && before->kind == SLICE_ROW &&
          before->table == row->table &&
          (after == NULL || after->kind != SLICE_ROW ||
           after->table != row->table))
        before->keep_with_next = TRUE;
    }
  /* And a table that asks to be kept whole is, if it fits on a page. */
  for (guint i = 0; i + 1 < doc->slices->len; i++)
    {
      Slice *row = &g_array_index (doc->slices, Slice, i);
      Slice *after = &g_array_index (doc->slices, Slice, i + 1);

      if (row->kind == SLICE_ROW &&
          (row->table->flags & CR_PAGE_TABLE_KEEP_TOGETHER) &&
          after->kind == SLICE_ROW && after->table == row->table)
        row->keep_with_next = TRUE;
    }
  g_array_append_val (doc->page_starts, zero);

  for (guint i = 0; i < doc->slices->len; i++)
    {
      Slice *slice = &g_array_index (doc->slices, Slice, i);
      gboolean at_top = y <= content_top (doc, page) + EPSILON;
      double need;

      if (slice->discardable && at_top)
        continue;

      need = needed_height (doc, i, page);
      if (y + need > content_bottom () + EPSILON && !at_top)
        {
          page++;
          y = content_top (doc, page);
          if (slice->discardable)
            continue;
        }

      if (slice->kind == SLICE_ROW && slice->table->header_page != page)
        {
          CrPageTable *table = slice->table;

          if (table->header_page >= 0 && table->continued != NULL)
            {
              place (doc, PLACE_CONTINUED, page, y, i, table);
              y += table->continued_height;
            }
          if (table->flags & CR_PAGE_TABLE_HEADER)
            {
              place (doc, PLACE_TABLE_HEADER, page, y, i, table);
              y += table->header_height;
            }
          table->header_page = page;
        }

      place (doc, PLACE_SLICE, page, y, i, NULL);
      y += slice->height;
    }

  doc->n_pages = MAX (page + 1, 1);
  while ((int) doc->page_starts->len < doc->n_pages)
    g_array_append_val (doc->page_starts, doc->placements->len);
}

/**
 * cr_page_doc_get_n_pages:
 * @doc: a document
 *
 * Lays the document out (the first time) and counts its pages. After
 * this the document takes no more blocks.
 *
 * Returns: the number of pages, at least 1
 */
int
cr_page_doc_get_n_pages (CrPageDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  paginate (doc);
  return doc->n_pages;
}

static void
set_grey (cairo_t *cr,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       double   grey)
{
  cairo_save (cr);
  set_grey (cr, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Draws a laid-out block with its top-left corner at (@x, @y). */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       grey)
{
  cairo_save (cr);
  set_grey (cr, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_line_slice (cairo_t     *cr,
                 const Slice *slice,
                 double       y)
{
  double left = CR_PAGE_MARGIN_SIDE + slice->x;
  PangoLayoutLine *line = pango_layout_get_line_readonly (slice->layout,
                                                          slice->line);

  if (slice->bar)
    {
      cairo_save (cr);
      set_grey (cr, 0.45);
      cairo_rectangle (cr, left - BAR_GAP - BAR_WIDTH, y, BAR_WIDTH,
                       slice->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  if (line == NULL)
    return;
  cairo_save (cr);
  set_grey (cr, slice->grey);
  cairo_move_to (cr, left + slice->line_x, y + slice->baseline);
  pango_cairo_show_layout_line (cr, line);
  cairo_restore (cr);
}

static void
draw_row_slice (cairo_t     *cr,
                const Slice *slice,
                double       y)
{
  const CrPageTable *table = slice->table;
  double left = CR_PAGE_MARGIN_SIDE;
  double right = CR_PAGE_MARGIN_SIDE + CR_PAGE_TEXT_WIDTH;

  if ((table->flags & CR_PAGE_TABLE_STRIPES) && slice->row % 2 == 1)
    {
      cairo_save (cr);
      set_grey (cr, STRIPE_GREY);
      cairo_rectangle (cr, left, y, right - left, slice->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < slice->n_cells; i++)
    {
      PangoLayout *cell = slice->cells[i];

      if (cell == NULL)
        continue;
      show_layout (cr, cell, left + table->x[i] + CELL_PAD_X,
                   y + slice->pad_top, INK);
    }

  if (table->flags & CR_PAGE_TABLE_RULES)
    hline (cr, left, right, y + slice->height - 0.3, 0.6, RULE_GREY);
}

static void
draw_table_header (cairo_t           *cr,
                   const CrPageTable *table,
                   double             y)
{
  double left = CR_PAGE_MARGIN_SIDE;

  for (guint i = 0; i < table->n_columns; i++)
    show_layout (cr, table->header[i], left + table->x[i] + CELL_PAD_X,
                 y + CELL_PAD_Y, INK);
  hline (cr, left, left + CR_PAGE_TEXT_WIDTH, y + table->header_height - 1,
         1.2, INK);
}

static void
draw_signature_slice (cairo_t     *cr,
                      const Slice *slice,
                      double       y)
{
  double x = CR_PAGE_MARGIN_SIDE + slice->x;
  double baseline = y + slice->height - 8;

  for (guint i = 0; i < slice->n_cells; i++)
    {
      PangoLayout *label = slice->cells[i];
      PangoRectangle logical;
      double label_baseline;

      pango_layout_get_extents (label, NULL, &logical);
      label_baseline = (double) pango_layout_get_baseline (label) / PANGO_SCALE;
      show_layout (cr, label, x, baseline - label_baseline, INK);
      x += (double) logical.width / PANGO_SCALE + 8;
      hline (cr, x, x + slice->widths[i], baseline + 2, 0.8, INK_SOFT);
      x += slice->widths[i] + 28;
    }
}

/* The running header's two halves: the association at its natural width
 * (at most 60% of the line), the document and date in what is left; when
 * they cannot share a line, the second goes under the first. */
static void
running_header_layouts (CrPageDoc    *doc,
                        PangoLayout **left,
                        PangoLayout **right,
                        gboolean     *stacked)
{
  g_autofree char *left_markup = cr_page_escape (doc->header_left);
  g_autofree char *right_markup = cr_page_escape (doc->header_right);
  PangoRectangle left_extents;
  PangoRectangle right_extents;
  double left_width;
  double right_width;

  *left = new_layout (doc, 10.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0,
                      CR_PAGE_TEXT_WIDTH * 0.6);
  pango_layout_set_ellipsize (*left, PANGO_ELLIPSIZE_END);
  set_markup (*left, left_markup);
  *right = new_layout (doc, 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0,
                       CR_PAGE_TEXT_WIDTH);
  pango_layout_set_ellipsize (*right, PANGO_ELLIPSIZE_END);
  set_markup (*right, right_markup);

  pango_layout_get_extents (*left, NULL, &left_extents);
  pango_layout_get_extents (*right, NULL, &right_extents);
  left_width = (double) left_extents.width / PANGO_SCALE;
  right_width = (double) right_extents.width / PANGO_SCALE;

  *stacked = left_width + 18 + right_width > CR_PAGE_TEXT_WIDTH;
  if (!*stacked)
    {
      pango_layout_set_width (*right, (int) ((CR_PAGE_TEXT_WIDTH - left_width -
                                               18) * PANGO_SCALE));
      pango_layout_set_alignment (*right, PANGO_ALIGN_RIGHT);
    }
}

static void
draw_running_header (CrPageDoc *doc,
                     cairo_t   *cr)
{
  g_autoptr (PangoLayout) left = NULL;
  g_autoptr (PangoLayout) right = NULL;
  double y = CR_PAGE_MARGIN_TOP;
  gboolean stacked;

  running_header_layouts (doc, &left, &right, &stacked);
  show_layout (cr, left, CR_PAGE_MARGIN_SIDE, y, INK);
  if (stacked)
    {
      show_layout (cr, right, CR_PAGE_MARGIN_SIDE, y + 14, INK_SOFT);
      y += 14;
    }
  else
    show_layout (cr, right,
                 CR_PAGE_MARGIN_SIDE + CR_PAGE_TEXT_WIDTH -
                 (double) pango_layout_get_width (right) / PANGO_SCALE,
                 y, INK_SOFT);

  hline (cr, CR_PAGE_MARGIN_SIDE, CR_PAGE_MARGIN_SIDE + CR_PAGE_TEXT_WIDTH,
         y + 17, 0.6, RULE_GREY);
}

static void
draw_footer (CrPageDoc *doc,
             cairo_t   *cr,
             int        page)
{
  /* TRANSLATORS: the foot of each printed page; %s is a date, 22/11/2026. */
  g_autofree char *printed = g_strdup_printf (_("Printed on %s by Common Room"),
                                              doc->printed_on);
  /* TRANSLATORS: the foot of each printed page: "Page 2 of 3". */
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page + 1,
                                             doc->n_pages);
  g_autofree char *printed_markup = cr_page_escape (printed);
  g_autofree char *number_markup = cr_page_escape (number);
  g_autoptr (PangoLayout) left = new_layout (doc, 10.0, PANGO_WEIGHT_NORMAL,
                                             PANGO_STYLE_NORMAL, 0,
                                             CR_PAGE_TEXT_WIDTH * 0.7);
  g_autoptr (PangoLayout) right = new_layout (doc, 10.0, PANGO_WEIGHT_NORMAL,
                                              PANGO_STYLE_NORMAL, 0,
                                              CR_PAGE_TEXT_WIDTH * 0.3);

  hline (cr, CR_PAGE_MARGIN_SIDE, CR_PAGE_MARGIN_SIDE + CR_PAGE_TEXT_WIDTH,
         FOOTER_RULE_Y, 0.6, RULE_GREY);
  set_markup (left, printed_markup);
  show_layout (cr, left, CR_PAGE_MARGIN_SIDE, FOOTER_TEXT_Y, INK_SOFT);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  set_markup (right, number_markup);
  show_layout (cr, right, CR_PAGE_MARGIN_SIDE + CR_PAGE_TEXT_WIDTH * 0.7,
               FOOTER_TEXT_Y, INK_SOFT);
}

/**
 * cr_page_doc_draw_page:
 * @doc: a document
 * @cr: where to draw, with its user space in points
 * @page: which page, counting from 0, as GtkPrintOperation does
 * @width: the width of the page on @cr
 * @height: its height
 *
 * Draws one page; pages may be drawn in any order and more than once. The
 * pages are laid out for A4: a page of another size gets the A4 page
 * scaled to fit and centred, so nothing is ever cut off. From a
 * GtkPrintOperation, use the full page (gtk_print_operation_set_use_full_page())
 * in points (%GTK_UNIT_POINTS) and pass the print context's width and
 * height.
 */
void
cr_page_doc_draw_page (CrPageDoc *doc,
                       cairo_t   *cr,
                       int        page,
                       double     width,
                       double     height)
{
  guint first;
  guint last;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);

  paginate (doc);
  g_return_if_fail (page >= 0 && page < doc->n_pages);

  cairo_save (cr);

  if (width > 0 && height > 0 &&
      (fabs (width - CR_PAGE_A4_WIDTH) > 0.5 ||
       fabs (height - CR_PAGE_A4_HEIGHT) > 0.5))
    {
      double scale = MIN (width / CR_PAGE_A4_WIDTH,
                          height / CR_PAGE_A4_HEIGHT);

      cairo_translate (cr, (width - CR_PAGE_A4_WIDTH * scale) / 2,
                       (height - CR_PAGE_A4_HEIGHT * scale) / 2);
      cairo_scale (cr, scale, scale);
    }

  if (page > 0)
    draw_running_header (doc, cr);
  draw_footer (doc, cr, page);

  first = g_array_index (doc->page_starts, guint, page);
  last = page + 1 < (int) doc->page_starts->len ?
         g_array_index (doc->page_starts, guint, page + 1) :
         doc->placements->len;

  for (guint i = first; i < last; i++)
    {
      const Placement *placement = &g_array_index (doc->placements,
                                                   Placement, i);
      const Slice *slice = &g_array_index (doc->slices, Slice,
                                           placement->slice);

      switch (placement->kind)
        {
        case PLACE_CONTINUED:
          show_layout (cr, placement->table->continued, CR_PAGE_MARGIN_SIDE,
                       placement->y, INK_SOFT);
          break;

        case PLACE_TABLE_HEADER:
          draw_table_header (cr, placement->table, placement->y);
          break;

        case PLACE_SLICE:
        default:
          switch (slice->kind)
            {
            case SLICE_LINE:
              draw_line_slice (cr, slice, placement->y);
              break;
            case SLICE_ROW:
              draw_row_slice (cr, slice, placement->y);
              break;
            case SLICE_RULE:
              hline (cr, CR_PAGE_MARGIN_SIDE,
                     CR_PAGE_MARGIN_SIDE + CR_PAGE_TEXT_WIDTH,
                     placement->y + RULE_HEIGHT / 2, 0.8, RULE_GREY);
              break;
            case SLICE_SIGNATURE:
              draw_signature_slice (cr, slice, placement->y);
              break;
            case SLICE_SPACE:
            default:
              break;
            }
          break;
        }
    }

  cairo_restore (cr);
}

typedef struct
{
  int fd;
  int saved_errno;
} PdfSink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_NO_SPACE,
                 _("The disk is full; nothing was saved to “%s”. Free some "
                   "space or choose another folder. (%s)"),
                 name, g_strerror (saved_errno));
  else if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *dir_name = g_filename_display_name (dir);

      g_set_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_NO_FOLDER,
                   _("The folder “%s” does not exist, so “%s” was not "
                     "saved. Choose another folder."),
                   dir_name, name);
    }
  else
    g_set_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_WRITE,
                 _("Could not save “%s”: %s. Nothing was saved; check the "
                   "folder or choose another one."),
                 name, g_strerror (saved_errno));
}

/**
 * cr_page_doc_write_pdf:
 * @doc: a document
 * @path: where the PDF should end up; a file there is replaced, but only
 *   once the new one is complete
 * @title: (nullable): the title in the PDF's properties
 * @error: return location for a #CR_PRINT_ERROR
 *
 * Draws every page into a PDF. It is written to a hidden temporary file
 * beside @path, flushed to the disk and then renamed onto @path, so a
 * full disk, a missing folder or a crash never leaves half a file under
 * the real name nor spoils the file that was there.
 *
 * Returns: %TRUE if the PDF was saved
 */
gboolean
cr_page_doc_write_pdf (CrPageDoc   *doc,
                       const char  *path,
                       const char  *title,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *creator = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfSink sink = { -1, 0 };
  int saved_errno = 0;
  int dir_fd;
  cairo_t *cr;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  paginate (doc);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf (".%s.XXXXXX.part", base);
  tmp_path = g_build_filename (dir, template, NULL);
  sink.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (sink.fd < 0)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink,
                                                 CR_PAGE_A4_WIDTH,
                                                 CR_PAGE_A4_HEIGHT);
  creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  creator);
  if (title != NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (title, -1);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      valid);
    }

  cr = cairo_create (surface);
  for (int page = 0; page < doc->n_pages; page++)
    {
      cr_page_doc_draw_page (doc, cr, page, CR_PAGE_A4_WIDTH,
                             CR_PAGE_A4_HEIGHT);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS || sink.saved_errno != 0)
        break;
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.saved_errno != 0)
    saved_errno = sink.saved_errno;
  else if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_basename (path);

      close (sink.fd);
      g_unlink (tmp_path);
      g_set_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_WRITE,
                   _("Could not make the PDF; nothing was saved to “%s”. "
                     "(%s)"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }

  if (saved_errno == 0 && fsync (sink.fd) != 0)
    saved_errno = errno;
  if (close (sink.fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (tmp_path, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (tmp_path);
      set_errno_error (error, path, saved_errno);
      return FALSE;
    }

  /* The rename lives in the folder; without this a power cut could bring
   * back the old file. Best effort: some file systems refuse it. */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}
