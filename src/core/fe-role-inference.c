/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-role-inference.h"

#include <stdlib.h>
#include <string.h>

/* Listed smallest first within each family, so the tightest scale that fits is chosen. */
static const char * const *const likert_scales[] = {
  (const char *[]) { "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
                     "Strongly agree", NULL },
  (const char *[]) { "Strongly disagree", "Somewhat disagree", "Neither agree nor disagree",
                     "Somewhat agree", "Strongly agree", NULL },
  (const char *[]) { "Strongly disagree", "Disagree", "Somewhat disagree",
                     "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree",
                     NULL },
  (const char *[]) { "Not at all well", "Slightly well", "Moderately well", "Very well",
                     "Extremely well", NULL },
  (const char *[]) { "Not at all", "Slightly", "Moderately", "Very", "Extremely", NULL },
  (const char *[]) { "Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely",
                     "Very likely", NULL },
  (const char *[]) { "Extremely unlikely", "Somewhat unlikely", "Neither likely nor unlikely",
                     "Somewhat likely", "Extremely likely", NULL },
  (const char *[]) { "Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied",
                     "Satisfied", "Very satisfied", NULL },
  (const char *[]) { "Extremely dissatisfied", "Somewhat dissatisfied",
                     "Neither satisfied nor dissatisfied", "Somewhat satisfied",
                     "Extremely satisfied", NULL },
  (const char *[]) { "Very dissatisfied", "Somewhat dissatisfied",
                     "Neither satisfied nor dissatisfied", "Somewhat satisfied", "Very satisfied",
                     NULL },
  (const char *[]) { "Very dissatisfied", "Dissatisfied", "Somewhat dissatisfied",
                     "Neither satisfied nor dissatisfied", "Somewhat satisfied", "Satisfied",
                     "Very satisfied", NULL },
  (const char *[]) { "Very unlikely", "Somewhat unlikely", "Neither likely nor unlikely",
                     "Somewhat likely", "Very likely", NULL },
  (const char *[]) { "Never", "Rarely", "Sometimes", "Often", "Always", NULL },
  (const char *[]) { "Never", "Sometimes", "About half the time", "Most of the time", "Always",
                     NULL },
  (const char *[]) { "Not at all important", "Slightly important", "Moderately important",
                     "Very important", "Extremely important", NULL },
  (const char *[]) { "Very poor", "Poor", "Fair", "Good", "Very good", NULL },
  (const char *[]) { "Poor", "Fair", "Good", "Very good", "Excellent", NULL },
  (const char *[]) { "Very unfavorably", "Somewhat unfavorably",
                     "Neither favorably nor unfavorably (neutral)", "Somewhat favorably",
                     "Very favorably", NULL },
  (const char *[]) { "Very unfavourably", "Somewhat unfavourably",
                     "Neither favourably nor unfavourably (neutral)", "Somewhat favourably",
                     "Very favourably", NULL },
  (const char *[]) { "Definitely will not", "Probably will not", "Might or might not",
                     "Probably will", "Definitely will", NULL },
  (const char *[]) { "Definitely not", "Probably not", "Might or might not", "Probably yes",
                     "Definitely yes", NULL },
  (const char *[]) { "Not at all", "Not much", "Some", "A lot", NULL },
  (const char *[]) { "Not at all likely", "Slightly likely", "Moderately likely", "Very likely",
                     "Extremely likely", NULL },
  (const char *[]) { "Not at all satisfied", "Slightly satisfied", "Moderately satisfied",
                     "Very satisfied", "Extremely satisfied", NULL },
  (const char *[]) { "Not at all confident", "Slightly confident", "Moderately confident",
                     "Very confident", "Extremely confident", NULL },
  (const char *[]) { "Not at all familiar", "Slightly familiar", "Moderately familiar",
                     "Very familiar", "Extremely familiar", NULL },
  (const char *[]) { "Very difficult", "Difficult", "Neither easy nor difficult", "Easy",
                     "Very easy", NULL },
  (const char *[]) { "Much worse", "Somewhat worse", "About the same", "Somewhat better",
                     "Much better", NULL },
  (const char *[]) { "To no extent", "To a small extent", "To a moderate extent",
                     "To a large extent", "To a very large extent", NULL },
};

/* Answers that sit outside any scale; they follow its levels. */
static const char * const non_substantive[] = {
  "Don't know", "Not sure", "Unsure", "Prefer not to say", "N/A", "Not applicable",
  "Unfamiliar (N/A)", "Unfamiliar", "NA", "No opinion", "Prefer not to answer", NULL,
};

static const char * const yes_no[] = { "Yes", "No", NULL };

/* Case-insensitive, with typographic apostrophes read as plain ones. */
static char *
normalise_wording (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      g_string_append_unichar (plain, g_unichar_tolower (c));
    }
  return g_string_free (g_steal_pointer (&plain), FALSE);
}

static int
find_wording (const char * const *scale,
              const char         *normalised)
{
  for (int i = 0; scale[i] != NULL; i++)
    {
      g_autofree char *candidate = normalise_wording (scale[i]);

      if (strcmp (candidate, normalised) == 0)
        return i;
    }
  return -1;
}

/* Fills @found (one slot per scale level, then one per non-substantive answer) with the
 * spelling of each value in the data; FALSE when some value is in neither list. */
static gboolean
match_scale (const char * const *scale,
             GPtrArray          *values,
             const char        **found,
             guint               scale_length)
{
  gboolean any_in_scale = FALSE;

  for (guint v = 0; v < values->len; v++)
    {
      const char *value = g_ptr_array_index (values, v);
      g_autofree char *normalised = normalise_wording (value);
      int at = find_wording (scale, normalised);

      if (at >= 0)
        {
          any_in_scale = TRUE;
          found[at] = value;
          continue;
        }
      at = find_wording (non_substantive, normalised);
      if (at < 0)
        return FALSE;
      found[scale_length + (guint) at] = value;
    }
  return any_in_scale;
}

static GPtrArray *
order_by_scale (const char * const *scale,
                GPtrArray          *values,
                gboolean            whole_scale)
{
  guint scale_length = g_strv_length ((char **) scale);
  guint n_extra = g_strv_length ((char **) non_substantive);
  g_autofree const char **found = g_new0 (const char *, scale_length + n_extra);
  GPtrArray *ordered;

  if (!match_scale (scale, values, found, scale_length))
    return NULL;

  ordered = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < scale_length; i++)
    if (found[i] != NULL || whole_scale)
      g_ptr_array_add (ordered, g_strdup (found[i] ? found[i] : scale[i]));
  for (guint i = 0; i < n_extra; i++)
    if (found[scale_length + i] != NULL)
      g_ptr_array_add (ordered, g_strdup (found[scale_length + i]));
  return ordered;
}

GPtrArray *
fe_likert_order (GPtrArray *values)
{
  for (guint s = 0; s < G_N_ELEMENTS (likert_scales); s++)
    {
      GPtrArray *ordered = order_by_scale (likert_scales[s], values, TRUE);

      if (ordered != NULL)
        return ordered;
    }
  return NULL;
}

typedef struct
{
  char  *value;
  guint  count;
  guint  first_row;
} ValueCount;

static int
compare_by_frequency (gconstpointer a,
                      gconstpointer b)
{
  const ValueCount *va = *(ValueCount * const *) a;
  const ValueCount *vb = *(ValueCount * const *) b;

  if (va->count != vb->count)
    return va->count > vb->count ? -1 : 1;
  return va->first_row < vb->first_row ? -1 : va->first_row > vb->first_row;
}

static int
compare_numerically (gconstpointer a,
                     gconstpointer b)
{
  const ValueCount *va = *(ValueCount * const *) a;
  const ValueCount *vb = *(ValueCount * const *) b;
  gint64 ia = 0, ib = 0;

  fe_csv_parse_integer (va->value, &ia);
  fe_csv_parse_integer (vb->value, &ib);
  return ia < ib ? -1 : ia > ib;
}

typedef struct
{
  GPtrArray  *distinct;      /* ValueCount*, in order of first appearance; empty when the
                              * column has too many values to list */
  gboolean    listed;
  guint       n_distinct;
  GHashTable *tokens;        /* ';'-separated token → count */
  gboolean    too_many_tokens;
  guint       weight;        /* rows that give the value being split */
  guint       n_answered;
  guint       n_integers;
  gint64      min_integer;
  gint64      max_integer;
  guint       n_with_separator;
  guint       n_with_comma;
  guint       n_tokens;
  gsize       max_length;
} ColumnProfile;

static void
value_count_free (gpointer data)
{
  ValueCount *vc = data;

  g_free (vc->value);
  g_free (vc);
}

static void
count_token (const char *token,
             gpointer    user_data)
{
  ColumnProfile *profile = user_data;
  gpointer key, count;

  profile->n_tokens += profile->weight;
  if (g_hash_table_lookup_extended (profile->tokens, token, &key, &count))
    g_hash_table_insert (profile->tokens, g_strdup (token),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + profile->weight));
  else
    g_hash_table_insert (profile->tokens, g_strdup (token), GUINT_TO_POINTER (profile->weight));
}

/* A column too varied to list: what loading counted of it. */
static void
profile_text_column (const FeCsvTable *table,
                     guint             column,
                     ColumnProfile    *profile)
{
  FeCsvTextStats stats;

  fe_csv_table_get_text_stats (table, column, &stats);
  profile->listed = FALSE;
  profile->n_answered = stats.n_answered;
  profile->n_integers = stats.n_integers;
  profile->min_integer = stats.min_integer;
  profile->max_integer = stats.max_integer;
  profile->n_with_separator = stats.n_with_semicolon;
  profile->n_with_comma = stats.n_with_comma;
  profile->n_tokens = stats.n_tokens;
  /* Only whole numbers can be told apart without listing them all. */
  profile->n_distinct = stats.integers_distinct && stats.n_integers == stats.n_answered
                        ? stats.n_answered : G_MAXUINT;
  if (stats.tokens != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, stats.tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (profile->tokens, g_strdup (key), value);
    }
  else
    profile->too_many_tokens = TRUE;
  fe_csv_text_stats_clear (&stats);
}

/* Profiles a column from its distinct values and how often each occurs, which loading
 * gathered: the same counts as a look at every cell, for a look at each value once. */
static void
profile_column (const FeCsvTable *table,
                guint             column,
                ColumnProfile    *profile)
{
  guint n_values = fe_csv_table_get_n_values (table, column);
  g_autoptr(GString) scratch = g_string_new (NULL);

  profile->distinct = g_ptr_array_new_with_free_func (value_count_free);
  profile->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  profile->min_integer = G_MAXINT64;
  profile->max_integer = G_MININT64;
  profile->listed = TRUE;

  if (n_values == G_MAXUINT)
    {
      profile_text_column (table, column, profile);
      return;
    }

  for (guint v = 0; v < n_values; v++)
    {
      ValueCount *vc = g_new0 (ValueCount, 1);
      const char *cell = fe_csv_table_get_value (table, column, v, &vc->count, &vc->first_row);
      gint64 number;

      vc->value = g_strdup (cell);
      g_ptr_array_add (profile->distinct, vc);
      profile->n_answered += vc->count;
      profile->max_length = MAX (profile->max_length, strlen (cell));
      if (fe_csv_parse_integer (cell, &number))
        {
          profile->n_integers += vc->count;
          profile->min_integer = MIN (profile->min_integer, number);
          profile->max_integer = MAX (profile->max_integer, number);
        }
      if (strchr (cell, ',') != NULL)
        profile->n_with_comma += vc->count;
      if (strchr (cell, ';') != NULL)
        profile->n_with_separator += vc->count;
      profile->weight = vc->count;
      fe_split_options (cell, ';', NULL, scratch, count_token, profile);
    }
  profile->n_distinct = profile->distinct->len;
}

static guint
n_tokens_distinct (ColumnProfile *profile)
{
  return profile->too_many_tokens ? G_MAXUINT : g_hash_table_size (profile->tokens);
}

static void
profile_clear (ColumnProfile *profile)
{
  g_ptr_array_unref (profile->distinct);
  g_hash_table_unref (profile->tokens);
}

static GPtrArray *
distinct_values (ColumnProfile *profile)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i < profile->distinct->len; i++)
    g_ptr_array_add (values, ((ValueCount *) g_ptr_array_index (profile->distinct, i))->value);
  return values;
}

static GPtrArray *
levels_by (ColumnProfile *profile,
           GCompareFunc   compare)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (profile->distinct->len);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < profile->distinct->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (profile->distinct, i));

  g_ptr_array_sort (sorted, compare);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (levels, g_strdup (((ValueCount *) g_ptr_array_index (sorted, i))->value));
  return levels;
}

static int
compare_tokens_by_count (gconstpointer a,
                         gconstpointer b,
                         gpointer      counts)
{
  const char *ta = *(const char * const *) a;
  const char *tb = *(const char * const *) b;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ta));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tb));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (ta, tb);
}

static GPtrArray *
token_levels (ColumnProfile *profile)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer token;

  g_hash_table_iter_init (&iter, profile->tokens);
  while (g_hash_table_iter_next (&iter, &token, NULL))
    g_ptr_array_add (tokens, token);

  g_ptr_array_sort_with_data (tokens, compare_tokens_by_count, profile->tokens);
  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (levels, g_strdup (g_ptr_array_index (tokens, i)));
  return levels;
}

/* Options joined with commas (Google Forms ", ", Qualtrics ","), where an option may contain
 * commas itself: the pieces between commas are learned from the whole column. Two pieces are
 * one option when they always come together, one after the other (no respondent picks
 * "$25" without "000-$49,999"), or when a bracket opened in the first is still open. */
#define COMMA_SAMPLE 20000
#define MAX_PIECES_PER_OPTION 8

typedef struct
{
  guint count;
  guint order;
} PieceCount;

typedef struct
{
  GHashTable *pieces;   /* piece → PieceCount* */
  GHashTable *pairs;    /* "a\x1fb" → count */
  GHashTable *followed; /* piece → times another piece came after it */
  GHashTable *tokens;   /* option → PieceCount* */
  GPtrArray  *scratch;  /* char* pieces of the cell being looked at */
  GArray     *spans;    /* gsize start, end of each piece in the cell */
  guint       n_multi;  /* answers with two options or more */
  guint       n_answers;
} CommaProfile;

static int
bracket_balance (const char *text)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    depth += (*p == '(' || *p == '[') - (*p == ')' || *p == ']');
  return depth;
}

/* The next comma that may separate options: not one between digits ("$25,000"). */
static const char *
next_comma (const char *p)
{
  for (const char *comma = strchr (p, ','); comma != NULL; comma = strchr (comma + 1, ','))
    if (comma == p || !g_ascii_isdigit (comma[-1]) || !g_ascii_isdigit (comma[1]))
      return comma;
  return NULL;
}

/* The trimmed pieces between commas, and where each starts and ends in @cell. */
static void
split_pieces (const char *cell,
              GPtrArray  *pieces,
              GArray     *spans)
{
  const char *p = cell;

  g_ptr_array_set_size (pieces, 0);
  g_array_set_size (spans, 0);
  for (;;)
    {
      const char *end = next_comma (p);
      const char *start = p;
      const char *stop;
      gsize span[2];

      if (end == NULL)
        end = p + strlen (p);
      stop = end;
      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;
      g_ptr_array_add (pieces, g_strndup (start, (gsize) (stop - start)));
      span[0] = (gsize) (start - cell);
      span[1] = (gsize) (stop - cell);
      g_array_append_vals (spans, span, 2);
      if (*end == '\0')
        break;
      p = end + 1;
    }
}

static guint
table_count (GHashTable *table,
             const char *key)
{
  PieceCount *pc = g_hash_table_lookup (table, key);

  return pc ? pc->count : 0;
}

static void
table_increment (GHashTable *table,
                 const char *key,
                 guint       weight)
{
  PieceCount *pc = g_hash_table_lookup (table, key);

  if (pc == NULL)
    {
      pc = g_new0 (PieceCount, 1);
      pc->order = g_hash_table_size (table);
      g_hash_table_insert (table, g_strdup (key), pc);
    }
  pc->count += weight;
}

static char *
pair_key (const char *a,
          const char *b)
{
  return g_strconcat (a, "\x1f", b, NULL);
}

static gboolean
pieces_glue (CommaProfile *cp,
             const char   *a,
             const char   *b,
             int           depth)
{
  g_autofree char *key = NULL;
  guint together;

  if (depth > 0)
    return TRUE;
  key = pair_key (a, b);
  together = table_count (cp->pairs, key);
  if (together == 0)
    return FALSE;
  /* a never comes without b after it; or b never without a before it, and a is never
   * followed by anything else (an option everyone picks, like a screener's, is). */
  return together == table_count (cp->pieces, a)
         || (together == table_count (cp->pieces, b) && together == table_count (cp->followed, a));
}

static void
count_option (CommaProfile *cp,
              const char   *cell,
              gsize         start,
              gsize         end,
              guint        *n_options,
              guint         weight)
{
  g_autofree char *option = NULL;

  if (end <= start)
    return;
  option = g_strndup (cell + start, end - start);
  table_increment (cp->tokens, option, weight);
  (*n_options)++;
}

/* Learns from @weight answers @cell: the same as looking at each of them in turn, since what
 * an answer teaches depends on its text alone. */
static void
learn_cell (CommaProfile *cp,
            const char   *cell,
            gboolean      counting_pieces,
            guint         weight)
{
  GPtrArray *pieces = cp->scratch;
  guint n_options = 0;
  int depth = 0;
  gsize start = 0, end = 0;

  split_pieces (cell, pieces, cp->spans);
  if (counting_pieces)
    {
      for (guint i = 0; i < pieces->len; i++)
        {
          table_increment (cp->pieces, g_ptr_array_index (pieces, i), weight);
          if (i > 0)
            {
              g_autofree char *key = pair_key (g_ptr_array_index (pieces, i - 1),
                                               g_ptr_array_index (pieces, i));

              table_increment (cp->pairs, key, weight);
              table_increment (cp->followed, g_ptr_array_index (pieces, i - 1), weight);
            }
        }
      return;
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);
      gsize piece_start = g_array_index (cp->spans, gsize, 2 * i);
      gsize piece_end = g_array_index (cp->spans, gsize, 2 * i + 1);

      if (i > 0 && pieces_glue (cp, g_ptr_array_index (pieces, i - 1), piece, depth))
        end = piece_end;
      else
        {
          count_option (cp, cell, start, end, &n_options, weight);
          start = piece_start;
          end = piece_end;
          depth = 0;
        }
      depth += bracket_balance (piece);
    }
  count_option (cp, cell, start, end, &n_options, weight);
  cp->n_answers += weight;
  cp->n_multi += n_options >= 2 ? weight : 0;
}

static int
compare_piece_counts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GHashTable *tokens = user_data;
  const PieceCount *pa = g_hash_table_lookup (tokens, *(const char * const *) a);
  const PieceCount *pb = g_hash_table_lookup (tokens, *(const char * const *) b);

  if (pa->count != pb->count)
    return pa->count > pb->count ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

static GPtrArray *
learn_comma_options (const FeCsvTable *table,
                     guint             column)
{
  CommaProfile cp = { 0 };
  guint n_rows = fe_csv_table_get_n_rows (table);
  guint repeated = 0, occurrences = 0, n_repeated_options = 0;
  GPtrArray *levels = NULL;

  cp.pieces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.followed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.scratch = g_ptr_array_new_with_free_func (g_free);
  cp.spans = g_array_new (FALSE, FALSE, sizeof (gsize));

  g_autoptr(GString) cell_text = g_string_new (NULL);
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The sample's distinct answers in order of first appearance, each with how often it
   * occurs: answers repeat (a checkbox question's above all), and each is split once. */
  for (guint row = 0, seen = 0; row < n_rows && seen < COMMA_SAMPLE; row++)
    {
      const char *cell;
      gpointer index;

      if (fe_csv_table_cell_is_empty (table, row, column))
        continue;
      cell = fe_csv_table_read_cell (table, row, column, cell_text);
      if (*cell == '\0')
        continue;
      seen++;
      if (g_hash_table_lookup_extended (distinct, cell, NULL, &index))
        g_array_index (weights, guint, GPOINTER_TO_UINT (index))++;
      else
        {
          char *copy = g_strdup (cell);
          guint one = 1;

          g_hash_table_insert (distinct, copy, GUINT_TO_POINTER (cells->len));
          g_ptr_array_add (cells, copy);
          g_array_append_val (weights, one);
        }
    }
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cells->len; i++)
      learn_cell (&cp, g_ptr_array_index (cells, i), pass == 0,
                  g_array_index (weights, guint, i));

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, cp.tokens);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        guint count = ((PieceCount *) value)->count;

        occurrences += count;
        if (count >= 2)
          {
            repeated += count;
            n_repeated_options++;
          }
      }
  }

  /* Checkbox answers: some answers pick several options, and most picks are of options that
   * others picked too (free text is nearly all one of a kind). */
  if (cp.n_multi >= 2 && cp.n_multi * 50 >= cp.n_answers && repeated * 10 >= occurrences * 7
      && n_repeated_options >= 2 && n_repeated_options <= 60)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, cp.tokens);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, key);

      g_ptr_array_sort_with_data (keys, compare_piece_counts, cp.tokens);
      levels = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < keys->len; i++)
        g_ptr_array_add (levels, g_strdup (g_ptr_array_index (keys, i)));
    }

  g_hash_table_unref (cp.pieces);
  g_hash_table_unref (cp.pairs);
  g_hash_table_unref (cp.followed);
  g_hash_table_unref (cp.tokens);
  g_ptr_array_unref (cp.scratch);
  g_array_unref (cp.spans);
  return levels;
}

static void
emit_trimmed (GString      *scratch,
              const char   *start,
              const char   *end,
              FeOptionFunc  emit,
              gpointer      user_data)
{
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return;
  g_string_truncate (scratch, 0);
  g_string_append_len (scratch, start, end - start);
  emit (scratch->str, user_data);
}

/* Lays @start…@end (trimmed) into @scratch and says whether it is a known option. */
static gboolean
is_known (GHashTable *known,
          GString    *scratch,
          const char *start,
          const char *end)
{
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  g_string_truncate (scratch, 0);
  g_string_append_len (scratch, start, end - start);
  return g_hash_table_contains (known, scratch->str);
}

void
fe_split_options (const char   *cell,
                  char          separator,
                  GHashTable   *known,
                  GString      *scratch,
                  FeOptionFunc  emit,
                  gpointer      user_data)
{
  const char *bounds[MAX_PIECES_PER_OPTION + 2];
  const char *p = cell;

  if (separator != ',' || known == NULL)
    {
      while (*p != '\0')
        {
          const char *end = strchr (p, separator);

          if (end == NULL)
            end = p + strlen (p);
          emit_trimmed (scratch, p, end, emit, user_data);
          p = *end ? end + 1 : end;
        }
      return;
    }

  /* Take the longest run of up to MAX_PIECES_PER_OPTION pieces that is a known option. */
  while (*p != '\0')
    {
      guint n_bounds = 0;
      const char *q = p;
      int take = -1;

      bounds[n_bounds++] = p;
      while (n_bounds < G_N_ELEMENTS (bounds))
        {
          const char *comma = next_comma (q);

          if (comma == NULL)
            {
              bounds[n_bounds++] = q + strlen (q);
              break;
            }
          bounds[n_bounds++] = comma;
          q = comma + 1;
        }
      /* bounds[k] (k ≥ 1) ends the run of the first k pieces. */
      for (int k = (int) n_bounds - 1; k >= 1 && take < 0; k--)
        if (is_known (known, scratch, p, bounds[k]))
          take = k;

      if (take < 0)
        {
          /* Unknown: one piece, or up to the bracket it opens closing. */
          int depth = 0;

          take = 1;
          is_known (known, scratch, p, bounds[1]);
          depth = bracket_balance (scratch->str);
          while (depth > 0 && take + 1 < (int) n_bounds)
            {
              take++;
              is_known (known, scratch, bounds[take - 1] + 1, bounds[take]);
              depth += bracket_balance (scratch->str);
            }
        }
      emit_trimmed (scratch, p, bounds[take], emit, user_data);
      p = *bounds[take] ? bounds[take] + 1 : bounds[take];
    }
}

static gboolean
name_suggests (const char         *name,
               const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

FeRole
fe_role_infer (const FeCsvTable  *table,
               guint              column,
               gboolean           id_taken,
               GPtrArray        **levels)
{
  char separator;

  return fe_role_infer_full (table, column, id_taken, levels, &separator);
}

FeRole
fe_role_infer_full (const FeCsvTable  *table,
                    guint              column,
                    gboolean           id_taken,
                    GPtrArray        **levels,
                    char              *separator)
{
  static const char * const consent_words[] = { "consent", NULL };
  const char *name = fe_csv_table_get_header (table, column);
  ColumnProfile profile = { 0 };
  g_autoptr(GPtrArray) values = NULL;
  guint n_distinct;
  FeRole role;

  *levels = NULL;
  *separator = ';';
  profile_column (table, column, &profile);
  n_distinct = profile.n_distinct;
  values = distinct_values (&profile);

  if (profile.n_answered == 0)
    role = FE_ROLE_IGNORE;
  else if (n_distinct <= 2 && name_suggests (name, consent_words))
    role = FE_ROLE_IGNORE;
  else if (!id_taken && profile.n_integers == profile.n_answered
           && n_distinct == profile.n_answered && n_distinct > 1)
    role = FE_ROLE_ID;
  else if ((*levels = fe_likert_order (values)) != NULL)
    role = FE_ROLE_ORDINAL;
  else if ((*levels = order_by_scale (yes_no, values, TRUE)) != NULL)
    role = FE_ROLE_CHOICE;
  else if (profile.listed && profile.n_integers == profile.n_answered
           && profile.min_integer >= 0 && profile.max_integer <= 10 && n_distinct > 2)
    {
      role = FE_ROLE_ORDINAL;
      *levels = levels_by (&profile, compare_numerically);
    }
  else if (profile.listed && profile.n_integers == profile.n_answered
           && profile.min_integer >= 0 && profile.max_integer <= 10)
    {
      /* A code or two (1 = yes, 2 = no; a choice's number): few values, numbered. */
      role = FE_ROLE_ATTRIBUTE;
      *levels = levels_by (&profile, compare_numerically);
    }
  else if (profile.n_with_separator * 5 >= profile.n_answered
           && n_tokens_distinct (&profile) <= 60
           && n_tokens_distinct (&profile) * 10 <= profile.n_tokens * 7)
    {
      role = FE_ROLE_MULTI;
      *levels = token_levels (&profile);
    }
  else if (profile.n_with_comma >= 2 && (*levels = learn_comma_options (table, column)) != NULL)
    {
      role = FE_ROLE_MULTI;
      *separator = ',';
    }
  else if (profile.listed && n_distinct <= 30 && profile.max_length <= 160
           && (n_distinct * 2 <= profile.n_answered
               || (n_distinct < profile.n_answered && profile.n_answered <= 20)))
    {
      role = FE_ROLE_ATTRIBUTE;
      *levels = levels_by (&profile, profile.n_integers == profile.n_answered
                                       ? compare_numerically : compare_by_frequency);
    }
  else
    role = FE_ROLE_TEXT;

  profile_clear (&profile);
  return role;
}
