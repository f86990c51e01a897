/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-role-inference.h"

#include "fe-bins.h"
#include "fe-i18n.h"
#include "fe-scale-order.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
 * commas itself ("Online course (e.g. Coursera, edX)"). */
#define COMMA_SAMPLE 20000
#define MAX_PIECES_PER_OPTION 8

static int
bracket_balance (const char *text)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    depth += (*p == '(' || *p == '[') - (*p == ')' || *p == ']');
  return depth;
}

/* The next comma that may separate options: not one between digits ("$25,000"), unless the
 * answers are lists of numbered options. */
static const char *
next_comma (const char *p,
            gboolean    code_lists)
{
  for (const char *comma = strchr (p, ','); comma != NULL; comma = strchr (comma + 1, ','))
    if (code_lists || comma == p || !g_ascii_isdigit (comma[-1]) || !g_ascii_isdigit (comma[1]))
      return comma;
  return NULL;
}

/* Whether @cell is whole numbers joined by commas, rising as a questionnaire lists its options
 * ("1,3" as well as "1,3,4"; not "6,5"); with *@no_number, whether it is also no number in any
 * way of writing one: two commas or more, and not grouped in thousands ("1,300,000"). */
static gboolean
is_number_list (const char *cell,
                gboolean   *no_number)
{
  guint n_commas = 0;
  gboolean grouped = TRUE;
  const char *p = cell;
  gint64 previous = -1;

  for (;;)
    {
      const char *start = p;
      gint64 number;

      while (g_ascii_isdigit (*p))
        p++;
      if (p == start || p - start > 9)
        return FALSE;
      number = g_ascii_strtoll (start, NULL, 10);
      if (number <= previous)
        return FALSE;
      previous = number;
      if (n_commas > 0 ? p - start != 3 : p - start > 3)
        grouped = FALSE;
      if (*p == '\0')
        break;
      if (*p != ',')
        return FALSE;
      n_commas++;
      p++;
    }
  *no_number = n_commas >= 2 && !grouped;
  return n_commas >= 1;
}

static gboolean
has_comma_between_digits (const char *cell)
{
  for (const char *comma = strchr (cell, ','); comma != NULL; comma = strchr (comma + 1, ','))
    if (comma > cell && g_ascii_isdigit (comma[-1]) && g_ascii_isdigit (comma[1]))
      return TRUE;
  return FALSE;
}

/* Answers with commas between digits, counted for answers_are_code_lists(). */
typedef struct
{
  guint       n_digit_commas;  /* answers with a comma between digits */
  guint       n_lists;         /* … rising lists of whole numbers ("1,3") */
  guint       n_no_number;     /* … that are no number either ("1,3,4") */
  const char *example;         /* the first of those, or NULL */
  GHashTable *alone;           /* whole numbers given alone, as options are */
  GHashTable *listed;          /* whole numbers in the lists */
} CodeLists;

#define CODE_LISTS_INIT { 0, 0, 0, NULL, g_hash_table_new (NULL, NULL), \
                          g_hash_table_new (NULL, NULL) }

static void
code_lists_clear (CodeLists *lists)
{
  g_clear_pointer (&lists->alone, g_hash_table_unref);
  g_clear_pointer (&lists->listed, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CodeLists, code_lists_clear)

/* Numbers of options: small whole numbers, 0 to 999. */
static gboolean
read_option_number (const char *text,
                    gsize       length,
                    guint      *number)
{
  if (length == 0 || length > 3 || strspn (text, "0123456789") < length)
    return FALSE;
  *number = (guint) g_ascii_strtoull (text, NULL, 10);
  return TRUE;
}

static void
code_lists_add (CodeLists  *lists,
                const char *cell,
                guint       weight)
{
  gboolean no_number = FALSE;
  guint number;

  if (!has_comma_between_digits (cell))
    {
      if (read_option_number (cell, strlen (cell), &number))
        g_hash_table_add (lists->alone, GUINT_TO_POINTER (number + 1));
      return;
    }
  lists->n_digit_commas += weight;
  if (!is_number_list (cell, &no_number))
    return;
  lists->n_lists += weight;
  lists->n_no_number += no_number ? weight : 0;
  if (no_number && lists->example == NULL)
    lists->example = cell;
  for (const char *p = cell; *p != '\0'; p += *p == ',')
    {
      gsize length = strspn (p, "0123456789");

      if (read_option_number (p, length, &number))
        g_hash_table_add (lists->listed, GUINT_TO_POINTER (number + 1));
      else
        g_hash_table_add (lists->listed, GUINT_TO_POINTER (G_MAXUINT));
      p += length;
    }
}

/* "1,3,4" is no number however numbers are written: where every answer with a comma between
 * digits is a rising list of whole numbers, and a few are no number, the commas separate
 * numbered options ("1,3" too). One such answer among decimal commas is a typing slip, and
 * decimal commas fall ("6,5") or repeat ("5,5") as often as they rise; where semicolons
 * separate the fields, the comma marks decimals. A question of two picks at most has lists of
 * two only: ten of them or more, every one rising, of numbers each also given alone, are
 * options too (decimals "1,5", "2,25" do not all rise, nor is "25" an answer of its own). */
static gboolean
answers_are_code_lists (const CodeLists *lists,
                        char             delimiter)
{
  GHashTableIter iter;
  gpointer number;

  if (delimiter == ';' || lists->n_lists != lists->n_digit_commas || lists->n_lists == 0)
    return FALSE;
  if (lists->n_no_number >= 2 && (guint64) lists->n_no_number * 10 >= lists->n_lists)
    return TRUE;
  if (lists->n_lists < 10)
    return FALSE;
  g_hash_table_iter_init (&iter, lists->listed);
  while (g_hash_table_iter_next (&iter, &number, NULL))
    if (!g_hash_table_contains (lists->alone, number))
      return FALSE;
  return TRUE;
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

      /* Every comma may end an option the codebook knows ("1,3" are codes 1 and 3); only
       * an unknown piece keeps the commas between digits ("$25,000") inside it. */
      bounds[n_bounds++] = p;
      while (n_bounds < G_N_ELEMENTS (bounds))
        {
          const char *comma = strchr (q, ',');

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
          while (take + 1 < (int) n_bounds && *bounds[take] == ','
                 && bounds[take] > cell && g_ascii_isdigit (bounds[take][-1])
                 && g_ascii_isdigit (bounds[take][1]))
            take++;
          is_known (known, scratch, p, bounds[take]);
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

/* Two pieces between commas are one option when they always come together, one after the
 * other (no respondent picks "$25" without "000-$49,999"), or when a bracket opened in the
 * first is still open. */
typedef struct
{
  guint count;
  guint order;
} PieceCount;

typedef struct
{
  GHashTable *pieces;    /* piece → PieceCount* */
  GHashTable *pairs;     /* "a\x1fb" → count */
  GHashTable *followed;  /* piece → times another piece came after it */
  GHashTable *tokens;    /* option → PieceCount*: respondents who chose it */
  GHashTable *alone;     /* option → PieceCount*: respondents who chose it and nothing else */
  GHashTable *contexts;  /* option → PieceCount*: distinct answers joining it to others */
  GPtrArray  *scratch;   /* char* pieces of the cell being looked at */
  GArray     *spans;     /* gsize start, end of each piece in the cell */
  GPtrArray  *options;   /* char* options of the cell being looked at */
  guint       n_multi;   /* answers with two options or more */
  guint       n_answers;
  gboolean    code_lists;  /* commas between digits separate numbered options too */
} CommaProfile;

static void
split_pieces (const char *cell,
              gboolean    code_lists,
              GPtrArray  *pieces,
              GArray     *spans)
{
  const char *p = cell;

  g_ptr_array_set_size (pieces, 0);
  g_array_set_size (spans, 0);
  for (;;)
    {
      const char *end = next_comma (p, code_lists);
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

  /* A number of an option holds no comma. */
  if (cp->code_lists)
    return FALSE;
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
  g_ptr_array_add (cp->options, g_steal_pointer (&option));
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

  split_pieces (cell, cp->code_lists, pieces, cp->spans);
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
  /* Each call is one distinct answer: a context for each option it joins. */
  for (guint i = 0; i < cp->options->len; i++)
    table_increment (n_options >= 2 ? cp->contexts : cp->alone,
                     g_ptr_array_index (cp->options, i), n_options >= 2 ? 1 : weight);
  g_ptr_array_set_size (cp->options, 0);
}

static gboolean
all_integers (GPtrArray *texts)
{
  gint64 value;

  for (guint i = 0; i < texts->len; i++)
    if (!fe_csv_parse_integer (g_ptr_array_index (texts, i), &value))
      return FALSE;
  return TRUE;
}

static int
compare_integer_texts (gconstpointer a,
                       gconstpointer b)
{
  gint64 ia = 0, ib = 0;

  fe_csv_parse_integer (*(const char * const *) a, &ia);
  fe_csv_parse_integer (*(const char * const *) b, &ib);
  return ia < ib ? -1 : ia > ib;
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

/* An option combines freely when it is also chosen on its own, or joined to different others
 * in different answers; the pieces of a single-choice answer with commas ("Yes, somewhat rude",
 * "Employed, working full-time") are never chosen alone and keep the one partner each. */
static gboolean
combines_freely (CommaProfile *cp,
                 const char   *option)
{
  guint contexts = table_count (cp->contexts, option);

  return contexts >= 2 || (contexts >= 1 && table_count (cp->alone, option) > 0);
}

/* Comma-joined choices are inferred only on strong evidence, since splitting a single-choice
 * answer invents bars: several answers join two options or more; at least two thirds of the
 * options so joined (of those chosen by two respondents or more) combine freely, and some are
 * also chosen alone ("Yes, at work" and "No, at home" never are); and no option that is never
 * chosen alone is in (nearly) every answer, as a shared opening clause is. Short of that the
 * answers stay whole, and *@may_be_joined says whether a split is worth offering. Returns the
 * options by how often they were chosen, or NULL; *@reason says why either way. */
static GPtrArray *
learn_comma_options (const FeCsvTable *table,
                     guint             column,
                     gboolean         *may_be_joined,
                     char            **reason)
{
  CommaProfile cp = { 0 };
  guint n_rows = fe_csv_table_get_n_rows (table);
  guint n_joined_options = 0, n_free = 0, n_also_alone = 0;
  const char *shared_clause = NULL, *code_list = NULL;
  GPtrArray *levels = NULL;
  g_autoptr(GString) cell_text = g_string_new (NULL);
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  cp.pieces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.followed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.alone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cp.scratch = g_ptr_array_new_with_free_func (g_free);
  cp.spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  cp.options = g_ptr_array_new_with_free_func (g_free);

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
  {
    g_auto(CodeLists) lists = CODE_LISTS_INIT;

    for (guint i = 0; i < cells->len; i++)
      code_lists_add (&lists, g_ptr_array_index (cells, i), g_array_index (weights, guint, i));
    cp.code_lists = answers_are_code_lists (&lists, fe_csv_table_get_delimiter (table));
    code_list = lists.example;
  }
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cells->len; i++)
      learn_cell (&cp, g_ptr_array_index (cells, i), pass == 0,
                  g_array_index (weights, guint, i));

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, cp.tokens);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_ptr_array_add (keys, key);
        /* Never joined to another: always alone, so no shared clause either. */
        if (table_count (cp.contexts, key) == 0)
          continue;
        /* One respondent's typed "Other" says nothing of how options combine. */
        if (table_count (cp.tokens, key) >= 2)
          {
            n_joined_options++;
            n_free += combines_freely (&cp, key);
            n_also_alone += table_count (cp.alone, key) > 0;
          }
        if (table_count (cp.tokens, key) * 100 >= (guint64) cp.n_answers * 95
            && table_count (cp.alone, key) == 0)
          shared_clause = key;
      }
  }

  if (cp.n_multi >= 2 && (guint64) cp.n_multi * 20 >= cp.n_answers && n_joined_options >= 2
      && n_free * 3 >= n_joined_options * 2 && n_also_alone > 0 && shared_clause == NULL)
    {
      g_ptr_array_sort_with_data (keys, compare_piece_counts, cp.tokens);
      /* Numbered options ("1, 5") in the order of their numbers, as the questionnaire has. */
      if (all_integers (keys))
        g_ptr_array_sort (keys, compare_integer_texts);
      levels = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < keys->len; i++)
        g_ptr_array_add (levels, g_strdup (g_ptr_array_index (keys, i)));
      *reason = cp.code_lists && code_list != NULL
        ? g_strdup_printf (_("%u of %u answers are two or more numbered options joined by "
                             "commas (“%s” is no number); %u of their %u options are also "
                             "chosen alone or with others"),
                           cp.n_multi, cp.n_answers, code_list, n_free, n_joined_options)
        : cp.code_lists
        ? g_strdup_printf (_("%u of %u answers are two numbered options joined by a comma, "
                             "the lower first, each also chosen alone; %u of their %u options "
                             "are also chosen alone or with others"),
                           cp.n_multi, cp.n_answers, n_free, n_joined_options)
        : g_strdup_printf (_("%u of %u answers are two or more options joined by commas; "
                             "%u of their %u options are also chosen alone or with others"),
                           cp.n_multi, cp.n_answers, n_free, n_joined_options);
    }
  else
    {
      *may_be_joined = cp.n_multi > 0 && n_free > 0;
      *reason = shared_clause != NULL
                  ? g_strdup_printf (_("kept whole: “%s” would be in nearly every answer, so "
                                       "its commas are part of the answers"), shared_clause)
                : n_joined_options > 0
                  ? g_strdup_printf (_("kept whole: answers contain commas, but only %u of "
                                       "the %u parts between them are chosen alone or with "
                                       "different others"), n_free, n_joined_options)
                  : g_strdup (_("kept whole: answers contain commas but do not split into "
                                "options"));
    }

  g_hash_table_unref (cp.pieces);
  g_hash_table_unref (cp.pairs);
  g_hash_table_unref (cp.followed);
  g_hash_table_unref (cp.tokens);
  g_hash_table_unref (cp.alone);
  g_hash_table_unref (cp.contexts);
  g_ptr_array_unref (cp.scratch);
  g_array_unref (cp.spans);
  g_ptr_array_unref (cp.options);
  return levels;
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

/* Answers given by a few respondents each, far more of them than of the answers most gave, and
 * most of them by one respondent alone: the typed-in "Other" of a choice question (Google
 * Forms' "Other:" option). Fills @levels with
 * the answers most gave, in their natural order when they have one, then "Other". */
static gboolean
choice_with_typed_other (ColumnProfile *profile,
                         FeInference   *inference)
{
  g_autoptr(GPtrArray) frequent = g_ptr_array_new ();
  guint covered = 0, n_rare = 0, n_once = 0, floor_count;
  g_autoptr(GPtrArray) ordered = NULL;
  FeOrderKind order;
  guint n_scale;

  if (!profile->listed || profile->n_answered < 20)
    return FALSE;
  /* Frequent: given by at least 2 respondents and 0.5 % of those who answered. */
  floor_count = MAX (2, (profile->n_answered + 199) / 200);
  for (guint i = 0; i < profile->distinct->len; i++)
    {
      ValueCount *vc = g_ptr_array_index (profile->distinct, i);

      if (vc->count >= floor_count && strlen (vc->value) <= 160)
        {
          g_ptr_array_add (frequent, vc->value);
          covered += vc->count;
        }
      else
        {
          n_rare++;
          n_once += vc->count == 1;
        }
    }
  /* Typed answers are one of a kind, mostly: rare answers that repeat (eight small forces of
   * four respondents each) are real options, and keep bars of their own. */
  if (frequent->len < 2 || n_rare < MAX (5, frequent->len) || n_once * 3 < n_rare * 2
      || (guint64) covered * 10 < (guint64) profile->n_answered * 9
      || g_ptr_array_find_with_equal_func (frequent, FE_OTHER_LEVEL, g_str_equal, NULL))
    return FALSE;

  ordered = fe_scale_order (frequent, &order, &n_scale);
  inference->levels = g_ptr_array_new_with_free_func (g_free);
  if (ordered != NULL)
    for (guint i = 0; i < ordered->len; i++)
      g_ptr_array_add (inference->levels, g_strdup (g_ptr_array_index (ordered, i)));
  else
    {
      g_autoptr(GPtrArray) by_count = levels_by (profile, compare_by_frequency);

      for (guint i = 0; i < by_count->len; i++)
        if (g_ptr_array_find_with_equal_func (frequent, g_ptr_array_index (by_count, i),
                                              g_str_equal, NULL))
          g_ptr_array_add (inference->levels, g_strdup (g_ptr_array_index (by_count, i)));
    }
  g_ptr_array_add (inference->levels, g_strdup (FE_OTHER_LEVEL));
  inference->other_typed = TRUE;
  inference->order = ordered != NULL ? order : FE_ORDER_NONE;
  inference->n_scale = ordered != NULL ? n_scale : 0;
  inference->reason = g_strdup_printf (_("%u answers cover %u of %u respondents; the %u other "
                                         "answers, each typed by few, form “Other”"),
                                       frequent->len, covered, profile->n_answered, n_rare);
  return TRUE;
}

/* Closed answers repeat: few distinct values for the respondents who gave them, short, and
 * nearly every answer given by others too. However many levels that makes (43 police forces,
 * a hundred employers), it is a category, not open text. */
static gboolean
answers_repeat (ColumnProfile *profile)
{
  guint repeated = 0;

  if (!profile->listed || profile->max_length > 160)
    return FALSE;
  if (profile->n_distinct < profile->n_answered && profile->n_answered <= 20)
    return TRUE;
  if (profile->n_distinct <= 30 && profile->n_distinct * 2 <= profile->n_answered)
    return TRUE;
  for (guint i = 0; i < profile->distinct->len; i++)
    {
      ValueCount *vc = g_ptr_array_index (profile->distinct, i);

      if (vc->count >= 2)
        repeated += vc->count;
    }
  return profile->n_distinct * 5 <= profile->n_answered
         && (guint64) repeated * 10 >= (guint64) profile->n_answered * 9;
}

/* Whether every value is a number in some notation, none with a sign: "+50" is a band,
 * "50 or more". */
static gboolean
every_value_is_a_number (GPtrArray *values)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  double value;

  for (guint i = 0; i < values->len; i++)
    {
      const char *text = g_ptr_array_index (values, i);

      if (*text == '+' || *text == '-'
          || (!fe_number_parse_written (text, FE_NOTATION_DECIMAL_DOT, scratch, &value)
              && !fe_number_parse_written (text, FE_NOTATION_DECIMAL_COMMA, scratch, &value)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
take_scale_order (GPtrArray   *values,
                  FeInference *inference)
{
  g_autoptr(GString) unchosen = g_string_new (NULL);

  inference->levels = fe_scale_order (values, &inference->order, &inference->n_scale);
  if (inference->levels == NULL)
    return FALSE;
  /* "1.184,24" is a number, not a band from 1.184 to 24: numbers are judged as numbers. */
  if (inference->order == FE_ORDER_BANDS && every_value_is_a_number (values))
    {
      g_clear_pointer (&inference->levels, g_ptr_array_unref);
      inference->order = FE_ORDER_NONE;
      inference->n_scale = 0;
      return FALSE;
    }
  inference->role = inference->order == FE_ORDER_YES_NO ? FE_ROLE_CHOICE
                    : inference->order == FE_ORDER_NUMBERED_LIST ? FE_ROLE_ATTRIBUTE
                    : FE_ROLE_ORDINAL;
  /* The points of a known scale that nobody chose are levels too, at 0: say which, since the
   * answers alone cannot tell a five-point scale without its end from one of four. */
  for (guint i = 0; i < inference->n_scale; i++)
    {
      const char *level = g_ptr_array_index (inference->levels, i);

      if (inference->order != FE_ORDER_YES_NO
          && !g_ptr_array_find_with_equal_func (values, level, g_str_equal, NULL))
        g_string_append_printf (unchosen, "%s“%s”", unchosen->len > 0 ? ", " : "", level);
    }
  if (unchosen->len > 0)
    inference->reason = g_strdup_printf (_("%s; %s, which nobody chose, added to complete it"),
                                         fe_order_kind_describe (inference->order),
                                         unchosen->str);
  else
    inference->reason = g_strdup (fe_order_kind_describe (inference->order));
  return TRUE;
}

/* Whether every answer is a different whole number, rising row by row: an id the platform
 * numbered, not a measurement. */
static gboolean
rises_row_by_row (const FeCsvTable *table,
                  guint             column)
{
  g_autoptr(GString) cell_text = g_string_new (NULL);
  guint n_rows = fe_csv_table_get_n_rows (table);
  double previous = -INFINITY;

  for (guint row = 0; row < n_rows; row++)
    {
      double number;

      if (fe_csv_table_cell_is_empty (table, row, column))
        continue;
      if (!fe_number_parse (fe_csv_table_read_cell (table, row, column, cell_text), &number)
          || number <= previous)
        return FALSE;
      previous = number;
    }
  return TRUE;
}

/* Whether @cell's only mark is one @mark before one or two digits: "3.5", "2,5". */
static gboolean
has_short_decimals (const char *cell,
                    char        mark)
{
  const char *at = strchr (cell, mark);
  gsize n_digits;

  if (at == NULL || strchr (at + 1, mark) != NULL || strchr (cell, mark == '.' ? ',' : '.'))
    return FALSE;
  n_digits = strspn (at + 1, "0123456789");
  return n_digits >= 1 && n_digits <= 2;
}

/* Whether the last digit of @cell is 0: "1,500", "£14.300". */
static gboolean
ends_in_zero (const char *cell)
{
  const char *last = NULL;

  for (const char *p = cell; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      last = p;
  return last != NULL && *last == '0';
}

guint
fe_number_marks_add (FeNumberMarks *marks,
                     const char    *cell,
                     guint          weight,
                     GString       *scratch,
                     double        *as_dot,
                     double        *as_comma)
{
  const char *digits = cell + (*cell == '-' || *cell == '+');
  const char *unit;
  guint read = 0;

  /* Codes, not measurements: "007", "01234". */
  if (digits[0] == '0' && g_ascii_isdigit (digits[1]))
    return 0;
  if (fe_number_parse_written (cell, FE_NOTATION_DECIMAL_DOT, scratch, as_dot))
    read |= FE_READ_DECIMAL_DOT;
  if (fe_number_parse_written (cell, FE_NOTATION_DECIMAL_COMMA, scratch, as_comma))
    read |= FE_READ_DECIMAL_COMMA;
  if (read == 0)
    return 0;

  marks->numbers += weight;
  marks->with_dot += strchr (cell, '.') != NULL ? weight : 0;
  marks->with_comma += strchr (cell, ',') != NULL ? weight : 0;
  unit = fe_number_unit (cell);
  marks->with_percent += g_strcmp0 (unit, "%") == 0 ? weight : 0;
  if (unit != NULL && marks->unit != NULL && strcmp (unit, marks->unit) != 0)
    marks->mixed_units = TRUE;
  if (unit != NULL && marks->unit == NULL)
    marks->unit = unit;

  if (read == FE_READ_DECIMAL_DOT)
    {
      marks->decimal_dot += weight;
      marks->short_dot += has_short_decimals (cell, '.') ? weight : 0;
    }
  else if (read == FE_READ_DECIMAL_COMMA)
    {
      marks->decimal_comma += weight;
      marks->short_comma += has_short_decimals (cell, ',') ? weight : 0;
    }
  else if (*as_dot != *as_comma)
    {
      gboolean dot = strchr (cell, '.') != NULL;

      marks->ambiguous_dot += dot ? weight : 0;
      marks->ambiguous_comma += dot ? 0 : weight;
      if (ends_in_zero (cell))
        {
          marks->ambiguous_dot_zero += dot ? weight : 0;
          marks->ambiguous_comma_zero += dot ? 0 : weight;
        }
      marks->largest_ambiguous = MAX (marks->largest_ambiguous,
                                      fabs (dot ? *as_dot : *as_comma));
    }
  else if (strpbrk (cell, ".,") == NULL && *as_dot == floor (*as_dot) && fabs (*as_dot) < 1000)
    {
      marks->under_thousand += weight;
      marks->smallest_plain = MIN (marks->smallest_plain, fabs (*as_dot));
    }
  else
    marks->other += weight;
  return read;
}

gboolean
fe_number_marks_read (const FeNumberMarks *marks,
                      char                 delimiter,
                      FeNotation          *notation)
{
  /* A number only one notation reads tells it, unless another tells the other. One or two
   * decimals ("3.5") tell it less: a writer who drops a number's last zeros never writes
   * "14.300", and one respondent's such number among many ambiguous ones may be a slip
   * ("2,5" for "2,500"). Short of that, ambiguous marks of one kind are told by a file separated by
   * semicolons, as spreadsheets write CSV where the comma marks decimals; or by whole numbers
   * under 1,000 without a mark beside ambiguous numbers all smaller read as decimals ("980"
   * beside "3.525", which read so would be a thousand times apart). With nothing to tell,
   * nothing is guessed: "3", "5" and "4.762" fit 4,762 as well as 4.762. Signs of different
   * currencies, or a percent sign on some numbers only, are no one unit. */
  gboolean comma = marks->decimal_comma > 0;
  guint ambiguous_decimals = comma ? marks->ambiguous_comma : marks->ambiguous_dot;
  guint told_fully = comma ? marks->decimal_comma - marks->short_comma
                           : marks->decimal_dot - marks->short_dot;
  guint told_short = comma ? marks->short_comma : marks->short_dot;
  guint ending_in_zero = comma ? marks->ambiguous_comma_zero : marks->ambiguous_dot_zero;
  gboolean ambiguous = marks->ambiguous_dot > 0 || marks->ambiguous_comma > 0;
  /* The two ways of telling, each for its notation; when they disagree, neither tells. */
  gboolean by_semicolons = marks->other == 0 && delimiter == ';';
  gboolean by_plain_numbers = marks->other == 0 && marks->under_thousand > 0
                              && marks->largest_ambiguous < marks->smallest_plain;
  FeNotation by_plain = marks->ambiguous_dot > 0 ? FE_NOTATION_DECIMAL_COMMA
                                                 : FE_NOTATION_DECIMAL_DOT;

  *notation = FE_NOTATION_DECIMAL_DOT;
  if (marks->mixed_units || (marks->decimal_dot > 0 && marks->decimal_comma > 0)
      || (marks->with_percent > 0 && marks->with_percent < marks->numbers)
      || (marks->ambiguous_dot > 0 && marks->ambiguous_comma > 0
          && marks->decimal_dot == 0 && marks->decimal_comma == 0))
    {
      *notation = FE_NOTATION_PLAIN;
      return FALSE;
    }
  if (marks->decimal_dot > 0 || marks->decimal_comma > 0)
    {
      /* Unsure, a dot is read before decimals, as in C; a comma is not read. */
      if (ambiguous_decimals > 0 && told_fully == 0 && (told_short < 2 || ending_in_zero > 0))
        {
          *notation = comma ? FE_NOTATION_PLAIN : FE_NOTATION_DECIMAL_DOT;
          return FALSE;
        }
      *notation = comma ? FE_NOTATION_DECIMAL_COMMA : FE_NOTATION_DECIMAL_DOT;
      return TRUE;
    }
  if (!ambiguous)
    return TRUE;
  /* In a file separated by semicolons the comma marks decimals, whichever mark is ambiguous;
   * whole numbers under 1,000 tell the ambiguous mark is between thousands. */
  if (by_semicolons && by_plain_numbers && by_plain != FE_NOTATION_DECIMAL_COMMA)
    return FALSE;
  if (by_semicolons)
    *notation = FE_NOTATION_DECIMAL_COMMA;
  else if (by_plain_numbers)
    *notation = by_plain;
  return by_semicolons || by_plain_numbers;
}

/* Counts @cell if it is a number (fe_number_marks_add()), and whether it is one as C writes
 * it (FE_READ_PLAIN), with its value in each notation into that notation's set of distinct
 * values, kept small (only whether there are more than 12 is asked). */
#define FE_READ_PLAIN (1u << FE_NOTATION_PLAIN)

static guint
count_number (const char    *cell,
              guint          weight,
              FeNumberMarks *marks,
              CodeLists     *lists,
              GHashTable    *distinct[3],
              GString       *scratch)
{
  double values[3];
  guint read = fe_number_marks_add (marks, cell, weight, scratch,
                                    &values[FE_NOTATION_DECIMAL_DOT],
                                    &values[FE_NOTATION_DECIMAL_COMMA]);

  code_lists_add (lists, cell, weight);
  if ((read & FE_READ_DECIMAL_DOT)
      && fe_number_parse_written (cell, FE_NOTATION_PLAIN, scratch, &values[FE_NOTATION_PLAIN]))
    read |= FE_READ_PLAIN;
  for (guint n = 0; n < 3; n++)
    if ((read & (1u << n)) && g_hash_table_size (distinct[n]) <= 12)
      g_hash_table_add (distinct[n], fe_number_format (values[n]));
  return read;
}

/* A survey methodologist's rule for a measurement (age in years, hours, salary): at least 90 %
 * of the answers are numbers, of more than 12 different values (fewer are codes or a rating,
 * which keep a bar each), none written with a leading zero (codes), not an id numbered row by
 * row, and not named as a code. Fills the inference's reason with why. */
static gboolean
answers_are_numbers (const FeCsvTable *table,
                     guint             column,
                     ColumnProfile    *profile,
                     gboolean          looks_like_id,
                     FeInference      *inference,
                     char            **number_note)
{
  /* Numbers that name places are codes, however many there are: a school district, a German
   * Postleitzahl. */
  static const char * const code_words[] = { "code", "zip", "phone", "postal", "plz",
                                             "district", "ward", "county", "region", "zone",
                                             "precinct", NULL };
  /* Each number read every way in one pass over the column (a million free-text answers are
   * read from the file again for this): with a dot before decimals, with a comma, and as C
   * writes it, as a workbook's or a statistics file's own numbers are. */
  g_autoptr(GHashTable) as_dot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) as_comma = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
  g_autoptr(GHashTable) as_plain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
  GHashTable *distinct[3] = { as_dot, as_comma, as_plain };
  g_autoptr(GString) scratch = g_string_new (NULL);
  /* Numbers read in each notation, then either way. */
  guint n_read[4] = { 0, 0, 0, 0 }, n_answered = 0, n_numbers, n_distinct;
  FeNumberMarks marks = FE_NUMBER_MARKS_INIT;
  g_auto(CodeLists) lists = CODE_LISTS_INIT;
  FeNotation notation = FE_NOTATION_PLAIN;
  gboolean sure = TRUE;

  if (name_suggests (fe_csv_table_get_header (table, column), code_words))
    return FALSE;
  if (profile->listed)
    for (guint i = 0; i < profile->distinct->len; i++)
      {
        ValueCount *vc = g_ptr_array_index (profile->distinct, i);
        guint read = count_number (vc->value, vc->count, &marks, &lists, distinct, scratch);

        n_answered += vc->count;
        for (guint n = 0; n < 3; n++)
          n_read[n] += read & (1u << n) ? vc->count : 0;
        n_read[3] += read != 0 ? vc->count : 0;
      }
  else
    {
      g_autoptr(GString) cell_text = g_string_new (NULL);
      guint n_rows = fe_csv_table_get_n_rows (table);

      for (guint row = 0; row < n_rows; row++)
        {
          const char *cell;
          guint read;

          if (fe_csv_table_cell_is_empty (table, row, column))
            continue;
          cell = fe_csv_table_read_cell (table, row, column, cell_text);
          if (*cell == '\0')
            continue;
          n_answered++;
          read = count_number (cell, 1, &marks, &lists, distinct, scratch);
          for (guint n = 0; n < 3; n++)
            n_read[n] += (read >> n) & 1;
          n_read[3] += read != 0;
        }
    }
  if (!fe_csv_table_numbers_are_plain (table))
    sure = fe_number_marks_read (&marks, fe_csv_table_get_delimiter (table), &notation);
  n_numbers = n_read[notation];
  n_distinct = g_hash_table_size (distinct[notation]);
  /* Unsure, the answers read either way are numbers. */
  if (!sure)
    {
      n_numbers = n_read[3];
      n_distinct = MAX (g_hash_table_size (as_dot), g_hash_table_size (as_comma));
    }
  /* "1,12" beside "1,3,4" is two options, not 1.12. */
  if (n_answered == 0 || (guint64) n_numbers * 10 < (guint64) n_answered * 9 || n_distinct <= 12
      || (looks_like_id && rises_row_by_row (table, column))
      || answers_are_code_lists (&lists, fe_csv_table_get_delimiter (table)))
    return FALSE;
  if (!sure)
    {
      *number_note = marks.mixed_units
        ? g_strdup (_("numbers are written with different currency or percent signs: kept as "
                      "written"))
        : marks.with_percent > 0 && marks.with_percent < marks.numbers
        ? g_strdup (_("some numbers have a percent sign (“45%”) and some not (“0.45”, “45”), "
                      "which may not be the same: kept as written"))
        : marks.decimal_dot > 0 && marks.decimal_comma > 0
        ? g_strdup (_("numbers are written both with a dot before decimals (“3.5”) and with a "
                      "comma (“3,5”): kept as written"))
        : marks.ambiguous_comma > 0 && marks.ambiguous_dot > 0
        ? g_strdup (_("numbers such as “3.525” and “3,525” could each have their mark between "
                      "thousands or before decimals: kept as written"))
        : marks.ambiguous_comma > 0
        ? g_strdup (_("numbers such as “3,525” could have a comma between thousands or before "
                      "decimals: kept as written"))
        : g_strdup (_("numbers such as “3.525” could have a dot between thousands or before "
                      "decimals: kept as written"));
      return FALSE;
    }
  inference->notation = notation;
  if (n_numbers == n_answered)
    inference->reason = g_strdup (_("every answer is a number, of more than 12 different "
                                    "values: counted in bins"));
  else
    inference->reason = g_strdup_printf (_("%u of %u answers are numbers, of more than 12 "
                                           "different values: counted in bins, the other "
                                           "answers after them"), n_numbers, n_answered);
  if (notation == FE_NOTATION_PLAIN)
    ;
  else if (marks.with_percent > 0)
    *number_note = g_strdup (_("percentages: “45%” is 45"));
  else if (notation == FE_NOTATION_DECIMAL_DOT)
    *number_note = marks.with_comma > 0
                     ? g_strdup (_("a comma between thousands (“3,525” is 3525)")) : NULL;
  else if (marks.decimal_comma == 0 && fe_csv_table_get_delimiter (table) == ';')
    *number_note = g_strdup (_("a comma before decimals and a dot between thousands, as in a "
                               "file separated by semicolons"));
  else if (marks.decimal_comma == 0)
    *number_note = g_strdup (_("a dot between thousands (“3.525” is 3,525), as only numbers of "
                               "1,000 or more have one"));
  else if (marks.with_comma == 0)
    *number_note = g_strdup (_("a dot between thousands, as in “1.250.000”"));
  else
    *number_note = marks.with_dot > 0
                     ? g_strdup (_("a comma before decimals and a dot between thousands, as in "
                                   "“1.234,5”"))
                     : g_strdup (_("a comma before decimals (“3,5” is 3.5)"));
  return TRUE;
}

/* The ends a rating's question text gives it, and the codes it puts outside: "(1=Strongly
 * disagree … 5=Strongly agree)", "(1 = Not at all, 5 = Completely, 9 = Don't know)", "(0-10)",
 * "on a scale of 1 to 5". Without them a rating is only as long as its answers: a 1–5 item
 * nobody rated 5 would be charted as 1–4, its midpoint moved from 3 to 2.5. */
typedef struct
{
  int        low;
  int        high;
  GArray    *codes;     /* int: every numbered meaning the text gives */
  GPtrArray *meanings;  /* char*: what each of @codes means */
} StatedScale;

static void
stated_scale_clear (StatedScale *scale)
{
  g_clear_pointer (&scale->codes, g_array_unref);
  g_clear_pointer (&scale->meanings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StatedScale, stated_scale_clear)

/* A whole number starts at @p, not inside a word or another number; a minus sign counts
 * ("-99 = Refused"), the dash of a range ("1-5") does not. */
static gboolean
number_starts (const char *text,
               const char *p)
{
  gboolean minus = *p == '-' && g_ascii_isdigit (p[1]);

  if (!g_ascii_isdigit (*p) && !minus)
    return FALSE;
  return p == text || !(g_ascii_isalnum (p[-1]) || p[-1] == '.' || p[-1] == ','
                        || (p[-1] == '-' && !minus));
}

static const char *
read_code (const char *p,
           int        *code)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (p, &end, 10);

  if (end == p || end - p > 5)
    return NULL;
  *code = (int) value;
  return end;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

/* @p starts a numbered meaning: a number, then "=". */
static const char *
meaning_starts (const char *text,
                const char *p,
                int        *code)
{
  const char *after;

  if (!number_starts (text, p) || (after = read_code (p, code)) == NULL)
    return NULL;
  after = skip_spaces (after);
  return *after == '=' ? skip_spaces (after + 1) : NULL;
}

static gboolean
find_stated_scale (const char  *text,
                   StatedScale *scale)
{
  int low = G_MAXINT, high = G_MININT, range_low = 0, range_high = -1;
  guint n_on_scale = 0;

  scale->codes = g_array_new (FALSE, FALSE, sizeof (int));
  scale->meanings = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *words, *end, *q;
      int code, other;

      if ((words = meaning_starts (text, p, &code)) != NULL)
        {
          g_autofree char *meaning = NULL;

          for (end = words; *end != '\0' && strchr (",;()/", *end) == NULL
                            && !g_str_has_prefix (end, "...") && !g_str_has_prefix (end, "…")
                            && meaning_starts (text, end, &other) == NULL; end++)
            ;
          meaning = g_strstrip (g_strndup (words, (gsize) (end - words)));
          if (*meaning == '\0')
            continue;
          if (!fe_answer_is_non_substantive (meaning))
            {
              low = MIN (low, code);
              high = MAX (high, code);
              n_on_scale++;
            }
          g_array_append_val (scale->codes, code);
          g_ptr_array_add (scale->meanings, g_steal_pointer (&meaning));
          p = end - 1;
        }
      else if (range_high < 0 && number_starts (text, p) && *p != '-'
               && (q = read_code (p, &code)) != NULL)
        {
          q = skip_spaces (q);
          if (*q == '-')
            q++;
          else if (g_str_has_prefix (q, "–"))
            q += strlen ("–");
          else if (g_str_has_prefix (q, "to "))
            q += 3;
          else
            continue;
          q = skip_spaces (q);
          if (g_ascii_isdigit (*q) && (q = read_code (q, &other)) != NULL
              && !g_ascii_isdigit (*q) && other > code)
            {
              range_low = code;
              range_high = other;
            }
        }
    }
  if (n_on_scale < 2)
    {
      low = range_low;
      high = range_high;
    }
  scale->low = low;
  scale->high = high;
  /* Rating scales run from 0 or 1 to at most 10, over three points or more. */
  return low >= 0 && low <= 1 && high <= 10 && high - low >= 2;
}

/* A rating whose question states its scale: every point of it is a level, answered or not,
 * then the codes the text puts outside it ("9 = Don't know"), each with what it means. */
static gboolean
take_stated_scale (const char    *text,
                   ColumnProfile *profile,
                   FeInference   *inference)
{
  g_auto(StatedScale) scale = { 0 };
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GString) outside = NULL;

  if (!profile->listed || profile->n_integers != profile->n_answered
      || !find_stated_scale (text, &scale))
    return FALSE;
  seen = levels_by (profile, compare_numerically);
  for (guint i = 0; i < seen->len; i++)
    {
      const char *value = g_ptr_array_index (seen, i);
      int code;
      const char *end = read_code (value, &code);
      g_autofree char *canonical = NULL;
      const char *meaning = NULL;

      /* "05" or "-0" would be a level apart from "5" and "0". */
      if (end == NULL || *end != '\0'
          || strcmp (value, (canonical = g_strdup_printf ("%d", code))) != 0)
        return FALSE;
      for (guint c = 0; c < scale.codes->len && meaning == NULL; c++)
        if (g_array_index (scale.codes, int, c) == code)
          meaning = g_ptr_array_index (scale.meanings, c);
      /* Only a non-answer stands outside the scale ("9 = Don't know"); "6 = Other" is no
       * point of it either, and which it is the text does not say. */
      if (code < scale.low || code > scale.high)
        {
          if (meaning == NULL || !fe_answer_is_non_substantive (meaning))
            return FALSE;
        }
    }

  inference->role = FE_ROLE_ORDINAL;
  inference->levels = g_ptr_array_new_with_free_func (g_free);
  inference->meanings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int point = scale.low; point <= scale.high; point++)
    g_ptr_array_add (inference->levels, g_strdup_printf ("%d", point));
  inference->n_scale = inference->levels->len;
  for (guint i = 0; i < seen->len; i++)
    {
      int code = atoi (g_ptr_array_index (seen, i));

      if (code < scale.low || code > scale.high)
        g_ptr_array_add (inference->levels, g_strdup (g_ptr_array_index (seen, i)));
    }
  outside = g_string_new (NULL);
  for (guint c = 0; c < scale.codes->len; c++)
    {
      int code = g_array_index (scale.codes, int, c);
      const char *meaning = g_ptr_array_index (scale.meanings, c);
      char *level = g_strdup_printf ("%d", code);

      if (code < scale.low || code > scale.high)
        {
          if (!g_ptr_array_find_with_equal_func (inference->levels, level, g_str_equal, NULL))
            {
              g_free (level);
              continue;
            }
          g_string_append_printf (outside, "%s%s (%s)", outside->len > 0 ? ", " : "", level,
                                  meaning);
        }
      g_hash_table_replace (inference->meanings, level, g_strdup (meaning));
    }
  if (outside->len > 0)
    inference->reason = g_strdup_printf (_("whole numbers on the scale from %d to %d that the "
                                           "question states, and %s outside it"),
                                         scale.low, scale.high, outside->str);
  else
    inference->reason = g_strdup_printf (_("whole numbers on the scale from %d to %d that the "
                                           "question states"), scale.low, scale.high);
  return TRUE;
}

void
fe_inference_clear (FeInference *inference)
{
  g_clear_pointer (&inference->levels, g_ptr_array_unref);
  g_clear_pointer (&inference->meanings, g_hash_table_unref);
  g_clear_pointer (&inference->reason, g_free);
}

static void
add_note (FeInference *inference,
          const char  *note)
{
  char *both;

  if (note == NULL)
    return;
  both = g_strdup_printf ("%s; %s", inference->reason, note);
  g_free (inference->reason);
  inference->reason = both;
}

void
fe_role_infer (const FeCsvTable *table,
               guint             column,
               gboolean          id_taken,
               FeInference      *inference)
{
  static const char * const consent_words[] = { "consent", NULL };
  const char *name = fe_csv_table_get_header (table, column);
  ColumnProfile profile = { 0 };
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *comma_note = NULL;
  g_autofree char *number_note = NULL;
  gboolean all_integers;
  guint n_distinct;

  memset (inference, 0, sizeof *inference);
  inference->separator = ';';
  profile_column (table, column, &profile);
  n_distinct = profile.n_distinct;
  values = distinct_values (&profile);
  all_integers = profile.n_integers == profile.n_answered;
  inference->looks_like_id = all_integers && n_distinct == profile.n_answered && n_distinct > 1;

  if (profile.n_answered == 0)
    {
      inference->role = FE_ROLE_IGNORE;
      inference->reason = g_strdup (_("nobody answered"));
    }
  else if (n_distinct <= 2 && name_suggests (name, consent_words))
    {
      inference->role = FE_ROLE_IGNORE;
      inference->reason = g_strdup (_("a consent question"));
    }
  else if (!id_taken && inference->looks_like_id)
    {
      inference->role = FE_ROLE_ID;
      inference->reason = g_strdup (_("whole numbers, a different one for each respondent"));
    }
  else if (take_scale_order (values, inference))
    ;
  else if (take_stated_scale (name, &profile, inference))
    ;
  else if (profile.listed && all_integers && profile.min_integer >= 0
           && profile.max_integer <= 10 && n_distinct > 2)
    {
      inference->role = FE_ROLE_ORDINAL;
      inference->levels = levels_by (&profile, compare_numerically);
      inference->reason = g_strdup_printf (_("whole numbers from %d to %d: a rating"),
                                           (int) profile.min_integer,
                                           (int) profile.max_integer);
    }
  else if (profile.listed && all_integers && profile.min_integer >= 0
           && profile.max_integer <= 10)
    {
      /* A code or two (1 = yes, 2 = no; a choice's number): few values, numbered. */
      inference->role = FE_ROLE_ATTRIBUTE;
      inference->levels = levels_by (&profile, compare_numerically);
      inference->reason = g_strdup (_("one or two numbered codes"));
    }
  else if (answers_are_numbers (table, column, &profile, inference->looks_like_id, inference,
                                &number_note))
    inference->role = FE_ROLE_NUMERIC;
  else if (profile.n_with_separator * 5 >= profile.n_answered
           && n_tokens_distinct (&profile) <= 60
           && n_tokens_distinct (&profile) * 10 <= profile.n_tokens * 7)
    {
      inference->role = FE_ROLE_MULTI;
      inference->levels = token_levels (&profile);
      inference->reason = g_strdup_printf (_("%u of %u answers hold options joined by “;”"),
                                           profile.n_with_separator, profile.n_answered);
    }
  else if (profile.n_with_comma >= 2
           && (inference->levels = learn_comma_options (table, column,
                                                        &inference->may_be_joined,
                                                        &comma_note)) != NULL)
    {
      inference->role = FE_ROLE_MULTI;
      inference->separator = ',';
      inference->reason = g_steal_pointer (&comma_note);
    }
  else if (choice_with_typed_other (&profile, inference))
    inference->role = FE_ROLE_ATTRIBUTE;
  else if (answers_repeat (&profile))
    {
      inference->role = FE_ROLE_ATTRIBUTE;
      inference->levels = levels_by (&profile, all_integers ? compare_numerically
                                                            : compare_by_frequency);
      inference->reason = g_strdup_printf (_("%u different answers, repeated by the %u "
                                             "respondents who answered"),
                                           n_distinct, profile.n_answered);
    }
  else
    {
      inference->role = FE_ROLE_TEXT;
      inference->reason = profile.listed && profile.max_length > 160
                            ? g_strdup (_("long answers"))
                            : g_strdup (_("answers mostly differ from one respondent to the "
                                          "next"));
    }

  add_note (inference, comma_note);
  add_note (inference, number_note);
  profile_clear (&profile);
}
