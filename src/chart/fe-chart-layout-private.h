/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fe-disclosure-audit.h"
#include "fe-chart-layout.h"
#include "fe-chart-style.h"
#include "fe-chart-text.h"

G_BEGIN_DECLS

typedef enum
{
  FE_CHART_ALIGN_START,
  FE_CHART_ALIGN_CENTER,
  FE_CHART_ALIGN_END,
} FeChartAlign;

/* A label with what it takes to paint it. */
typedef struct
{
  FeChartLabel  label;        /* first: fe_chart_layout_get_label() hands out its address */
  FeChartFont   font;
  FeChartAlign  align;
  FeChartColor  color;
  FeChartColor  background;   /* what the text is painted on, for its contrast */
  int           on_segment;   /* the segment it is painted inside, or -1 */
  char        **lines;
  double       *line_widths;
  guint         n_lines;
  double        line_height;
  double        baseline;
} FeChartLabelItem;

typedef enum
{
  FE_CHART_MARK_RECT,
  FE_CHART_MARK_LINE,
} FeChartMarkKind;

/* Everything drawn that is neither data nor text: swatches, baselines, separators. */
typedef struct
{
  FeChartMarkKind kind;
  gboolean        above;      /* painted over the segments */
  double          x, y, w, h; /* a line runs from (x, y) to (x + w, y + h) */
  double          line_width;
  FeChartColor    color;
} FeChartMark;

/* What a spec makes of a tally before anything is placed: the tally drawn (its small groups
 * folded or not), the kind, and which of its numbers may be printed. The layout and the
 * briefing pack share it, so that the words beside a chart never print what it withholds.
 *
 * Which numbers are held back starts from fe_disclosure_new() on what the chart shows (the
 * whole row of a bar chart; every row of a 100% bar, whose "All respondents" row sums its
 * groups; each group alone in a grouped bar chart or heat map, which print no whole row) and
 * then adds what only the chart knows it prints: the n of each group, which add up to the
 * total in its header, and shares, which give their base away (count ÷ share). */
typedef struct
{
  FeChartKind       kind;
  const FeTally    *tally;        /* the caller's tally, or @folded */
  FeTally          *folded;       /* owned; NULL when no group was folded */
  guint             k;            /* 0: every number shown */
  gboolean          withhold;     /* numbers under k are withheld rather than only marked */
  gboolean          mark;
  char             *other_names;  /* "Dyfed-Powys Police, North Wales Police": the groups
                                   * folded into "Other"; NULL when none */
  int               dropped;      /* the group of @tally not drawn, or -1: an "Other" still
                                   * smaller than k, of which nothing could be shown */
  gboolean          on_answered;  /* shares and each group's n are of those who answered */
  /* Its shares are of case weights (FeChartSpec.weighted_by): they are shares, the tally has
   * weights, and the chart shows percentages (not counts, not a co-occurrence's). */
  gboolean          weighted;
  gboolean          whole_row;    /* a 100% bar chart draws "All respondents" above its
                                   * groups: not once they are folded, where it is only the
                                   * groups added up and would make one more sum to protect */
  FeCellDisclosure *cells;        /* (1 + n_groups) × n_levels; row 0 is the whole */
  FeCellDisclosure *bases;        /* 1 + n_groups */
  FeCellDisclosure *answered;     /* 1 + n_groups */
} FeChartData;

void             fe_chart_data_init            (FeChartData       *data,
                                                const FeChartSpec *spec,
                                                const FeTally     *tally);
void             fe_chart_data_clear           (FeChartData       *data);
/* The table as @data draws it, for the interval attack (fe-disclosure-audit.h): the states are
 * @data's own, so that the audit of a pack judges what the chart draws. */
void             fe_chart_data_get_audit_table (FeChartData       *data,
                                                FeAuditTally      *table);
/* @row -1 is the whole tally, else a group of data->tally. */
FeCellDisclosure fe_chart_data_get_cell        (const FeChartData *data,
                                                int                row,
                                                guint              level);
FeCellDisclosure fe_chart_data_get_base        (const FeChartData *data,
                                                int                row);
FeCellDisclosure fe_chart_data_get_answered    (const FeChartData *data,
                                                int                row);
/* The name of group @index of @tally: its level of the split-by column, or "Other". */
const char      *fe_chart_group_name           (const FeTally     *tally,
                                                guint              index);
/* "< 5" with a no-break space, or "" without a threshold. */
char            *fe_chart_data_dup_small_text  (const FeChartData *data);
/* "95 respondents, 90 answered", with what @data withholds left out or as "fewer than 5". */
char            *fe_chart_data_describe_totals (const FeChartData *data);

/* A row of the chart with the n printed beside it: a group, or everybody (-1). */
typedef struct
{
  int              group;        /* as FeChartSegment.group */
  char            *name;
  guint            n;            /* 0 when withheld */
  FeCellDisclosure disclosure;
} FeChartRowN;

struct _FeChartLayout
{
  FeChartKind     kind;
  FeChartMeasure  measure;
  FePercentOf     percent_of;   /* who its percentages are of */
  gboolean        dark;
  gboolean        high_contrast;
  gboolean        withhold;    /* numbers under min_cell withheld (stubs, "< k") */
  gboolean        mark;        /* numbers under min_cell marked (hatched) but exact */
  guint           min_cell;
  double          width;
  double          height;
  double          font_scale;  /* the text scale in effect once fitted to the canvas */
  char           *title;
  char           *weighted_by; /* what its percentages are weighted by, or NULL */
  char           *summary;
  char           *font_family;
  PangoFontMap   *font_map;
  FeChartTheme    theme;
  GArray         *segments;    /* FeChartSegment */
  GArray         *fills;       /* FeChartColor, one per segment */
  GArray         *labels;      /* FeChartLabelItem */
  GArray         *marks;       /* FeChartMark */
  GArray         *rows_n;      /* FeChartRowN: the rows whose n is printed */
  guint           total_base;  /* as printed in the header; 0 when withheld */
  guint           total_answered;
  FeCellDisclosure total_base_disclosure;
  FeCellDisclosure total_answered_disclosure;
};

/* Lays out @data's tally on @layout (whose arrays are empty) with fonts at @text's scale.
 * Returns FALSE when something does not fit and @force is not set: the caller tries smaller
 * type. */
gboolean      fe_chart_layout_build        (FeChartLayout     *layout,
                                            const FeChartSpec *spec,
                                            const FeChartData *data,
                                            FeChartText       *text,
                                            guint              attempt,
                                            gboolean           force);
void          fe_chart_layout_clear        (FeChartLayout     *layout);
/* The blank border of a chart of @width × @height, in layout units. */
double        fe_chart_layout_margin       (double             width,
                                            double             height);

const FeChartLabelItem *fe_chart_layout_get_label_item (const FeChartLayout *layout,
                                                        guint                index);
const FeChartMark      *fe_chart_layout_get_mark       (const FeChartLayout *layout,
                                                        guint                index);
guint                   fe_chart_layout_get_n_marks    (const FeChartLayout *layout);
FeChartColor            fe_chart_layout_get_fill       (const FeChartLayout *layout,
                                                        guint                segment);

/* The x of a label's line @index, and the baseline of that line. */
double        fe_chart_label_line_x        (const FeChartLabelItem *item,
                                            guint                   index);
double        fe_chart_label_line_baseline (const FeChartLabelItem *item,
                                            guint                   index);

/* The hatching of withheld and marked segments, alike on every surface. */
#define FE_CHART_HATCH_STEP    5.0
#define FE_CHART_HATCH_WIDTH   1.25
#define FE_CHART_HATCH_OPACITY 0.3

/* Whether segment @index is drawn hatched: withheld, or marked as small. */
gboolean      fe_chart_layout_segment_is_hatched (const FeChartLayout *layout,
                                                  guint                index);

/* A cairo_write_func_t that appends to the GByteArray @closure: PNG and PDF into memory. */
cairo_status_t fe_chart_append_bytes       (void                *closure,
                                            const unsigned char *data,
                                            unsigned int         length);

/* The chart as SVG 1.1, text kept as text. */
char         *fe_chart_layout_to_svg       (const FeChartLayout *layout);

/* A co-occurrence heat map (fe-chart-cooccurrence.c): what its cells say. Cell (@row,
 * @column) is themes @row and @column; @overlap: Jaccard in place of counts. */
char         *fe_chart_cooccurrence_format   (const FeTally *tally,
                                              guint          row,
                                              guint          column,
                                              gboolean       overlap);
char         *fe_chart_cooccurrence_describe (const FeTally *tally,
                                              guint          row,
                                              guint          column,
                                              gboolean       overlap);
/* The note's sentence on what the cells are, the diagonal and the order. */
char         *fe_chart_cooccurrence_note     (const FeTally *tally,
                                              gboolean       overlap);

G_END_DECLS
