/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The natural order of a closed question's answers, read from their words, so that a scale is
 * never charted by how often each answer was given. Each rule accepts a set of answers only
 * when every answer on the scale fits it and no two answers land on the same place: an answer
 * set that fits no rule keeps the order of its counts, which a researcher can change. */
#include "config.h"

#include "fe-scale-order.h"

#include "fe-i18n.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* No scale has more answers than this, and no scale answer is longer: longer ones are not
 * looked at, which keeps a column of long answers from costing a normalisation per cell. */
#define MAX_SCALE_VALUES 40
#define MAX_SCALE_ANSWER 160

/* Listed lowest first; within each family the tightest scale that fits is chosen. */
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
  (const char *[]) { "Never", "Sometimes", "Often", "Always", NULL },
  (const char *[]) { "Never", "Sometimes", "About half the time", "Most of the time", "Always",
                     NULL },
  (const char *[]) { "Not at all important", "Slightly important", "Moderately important",
                     "Very important", "Extremely important", NULL },
  (const char *[]) { "Very poor", "Poor", "Fair", "Good", "Very good", NULL },
  (const char *[]) { "Poor", "Fair", "Good", "Very good", "Excellent", NULL },
  (const char *[]) { "Poor", "Fair", "Good", "Excellent", NULL },
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

static const char * const yes_no[] = { "Yes", "No", NULL };

/* Answers that decline a place on the scale; they follow its levels. Compared normalised. */
static const char * const non_substantive[] = {
  "don't know", "do not know", "dont know", "not sure", "unsure", "prefer not to say",
  "prefer not to answer", "rather not say", "n/a", "na", "not applicable", "unfamiliar (n/a)",
  "unfamiliar", "no opinion", "can't say", "cannot say", "can't remember", "don't remember",
  "does not apply", "doesn't apply", "not relevant", "no answer", "refused", "can't choose",
  "cannot choose", NULL,
};

/* Lower case, typographic apostrophes and dashes read as plain ones, runs of spaces as one, no
 * spaces or full stop at either end: "Don’t know." and "don't know" are one wording. */
static char *
normalise_wording (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      else if (c == 0x2013 || c == 0x2014 || c == 0x2212)
        c = '-';
      else if (g_unichar_isspace (c))
        c = ' ';
      if (c == ' ' && (plain->len == 0 || plain->str[plain->len - 1] == ' '))
        continue;
      g_string_append_unichar (plain, g_unichar_tolower (c));
    }
  while (plain->len > 0 && (plain->str[plain->len - 1] == ' ' || plain->str[plain->len - 1] == '.'))
    g_string_truncate (plain, plain->len - 1);
  return g_string_free (g_steal_pointer (&plain), FALSE);
}

static gboolean
in_list (const char * const *list,
         const char         *normalised)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], normalised) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_non_substantive (const char *plain)
{
  /* "N/A - never used it", "Not applicable (retired)" */
  return in_list (non_substantive, plain) || g_str_has_prefix (plain, "n/a ")
         || g_str_has_prefix (plain, "not applicable ")
         || g_str_has_prefix (plain, "don't know ") || g_str_has_prefix (plain, "prefer not ");
}

/* How a numbered answer is written: its number, its words, and what stands between them
 * ("2 - Disagree": " - "; "Agree (4)": " (", the number then closing the bracket). */
typedef struct
{
  int         number;
  const char *words;   /* NULL: a bare number */
  gsize       n_words;
  const char *sep;     /* what comes between the number and the words, or the words and it */
  gsize       n_sep;
  gboolean    number_first;
  gboolean    bracketed;  /* "1 (Lowest)": the words close a bracket after the number */
} Numbered;

/* Reads "1 - Strongly disagree", "2. Disagree", "3) Neither", "4: Agree", "5 = Strongly agree",
 * "-2 - Strongly disagree", "1 (Not at all confident)" and "Agree (4)"; a bare whole number
 * is its own. "2 - 3 times a week" and "2 (3 times a week)" are no numbered answers. */
static gboolean
read_numbered (const char *answer,
               Numbered   *out)
{
  static const char * const marks[] = { "-", "\u2013", ".", ")", ":", "=", NULL };
  const char *p = answer + (answer[0] == '-'), *open;
  gsize digits = strspn (p, "0123456789");

  memset (out, 0, sizeof *out);
  if (digits > 0 && digits <= 2)
    {
      out->number = atoi (answer);
      out->number_first = TRUE;
      p += digits;
      if (*p == '\0')
        return TRUE;
      out->sep = p;
      while (*p == ' ')
        p++;
      if (*p == '(' && g_str_has_suffix (p, ")") && strlen (p) > 2 && !g_ascii_isdigit (p[1])
          && strchr (p + 1, '(') == NULL)
        {
          out->n_sep = (gsize) (p + 1 - out->sep);
          out->words = p + 1;
          out->n_words = strlen (p + 1) - 1;
          out->bracketed = TRUE;
          return TRUE;
        }
      for (guint i = 0; marks[i] != NULL; i++)
        if (g_str_has_prefix (p, marks[i]) && p[strlen (marks[i])] == ' ')
          {
            p += strlen (marks[i]);
            while (*p == ' ')
              p++;
            out->n_sep = (gsize) (p - out->sep);
            out->words = p;
            out->n_words = strlen (p);
            return *p != '\0' && !g_ascii_isdigit (*p);
          }
      return FALSE;
    }
  /* "Agree (4)" */
  open = strrchr (answer, '(');
  if (open == NULL || open == answer || open[-1] != ' ' || !g_ascii_isalpha (answer[0]))
    return FALSE;
  digits = strspn (open + 1, "0123456789");
  if (digits == 0 || digits > 2 || strcmp (open + 1 + digits, ")") != 0)
    return FALSE;
  out->number = atoi (open + 1);
  out->words = answer;
  out->n_words = (gsize) (open - 1 - answer);
  out->sep = open - 1;
  out->n_sep = 2;
  return TRUE;
}

gboolean
fe_answer_is_non_substantive (const char *answer)
{
  g_autofree char *plain = NULL;

  if (strlen (answer) > MAX_SCALE_ANSWER)
    return FALSE;
  plain = normalise_wording (answer);
  if (is_non_substantive (plain))
    return TRUE;
  /* "99 - Don't know": numbered, and still no place on a scale. */
  {
    Numbered numbered;

    if (read_numbered (answer, &numbered) && numbered.words != NULL)
      {
        g_autofree char *words = g_strndup (numbered.words, numbered.n_words);

        g_free (plain);
        plain = normalise_wording (words);
        return is_non_substantive (plain);
      }
  }
  return FALSE;
}

/* The answers being ordered, each normalised once, and whether it stands outside any scale:
 * every rule below looks at them, some many times. */
typedef struct
{
  GPtrArray  *values;
  char      **plain;
  gboolean   *outside;
} Answers;

static void
answers_init (Answers   *answers,
              GPtrArray *values)
{
  answers->values = values;
  answers->plain = g_new0 (char *, values->len + 1);
  answers->outside = g_new0 (gboolean, MAX (values->len, 1));
  for (guint i = 0; i < values->len; i++)
    {
      answers->plain[i] = normalise_wording (g_ptr_array_index (values, i));
      answers->outside[i] = is_non_substantive (answers->plain[i]);
    }
}

static void
answers_clear (Answers *answers)
{
  g_strfreev (answers->plain);
  g_free (answers->outside);
}

/* The known wordings normalised, once for the process. */
static char ***
normalised_scales (void)
{
  static gsize scales = 0;

  if (g_once_init_enter (&scales))
    {
      char ***made = g_new0 (char **, G_N_ELEMENTS (likert_scales) + 1);

      for (guint s = 0; s < G_N_ELEMENTS (likert_scales) + 1; s++)
        {
          const char * const *scale = s < G_N_ELEMENTS (likert_scales) ? likert_scales[s]
                                                                      : yes_no;
          guint n = g_strv_length ((char **) scale);

          made[s] = g_new0 (char *, n + 1);
          for (guint i = 0; i < n; i++)
            made[s][i] = normalise_wording (scale[i]);
        }
      g_once_init_leave (&scales, (gsize) made);
    }
  return (char ***) scales;
}

/* Each answer with the place the rule gives it on the scale. */
typedef struct
{
  const char *value;
  double      place;
  double      second;  /* bands: the upper bound, to order bands that start together */
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->place != pb->place)
    return pa->place < pb->place ? -1 : 1;
  if (pa->second != pb->second)
    return pa->second < pb->second ? -1 : 1;
  return 0;
}

/* The answers by their places, then those outside the scale; NULL when two share a place,
 * which no scale allows. */
static GPtrArray *
order_placed (GArray    *placed,
              GPtrArray *outside,
              guint     *n_scale)
{
  GPtrArray *ordered;

  g_array_sort (placed, compare_placed);
  for (guint i = 1; i < placed->len; i++)
    if (compare_placed (&g_array_index (placed, Placed, i - 1),
                        &g_array_index (placed, Placed, i)) == 0)
      return NULL;

  ordered = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (ordered, g_strdup (g_array_index (placed, Placed, i).value));
  for (guint i = 0; i < outside->len; i++)
    g_ptr_array_add (ordered, g_strdup (g_ptr_array_index (outside, i)));
  *n_scale = placed->len;
  return ordered;
}

typedef gboolean (*PlaceFunc) (const char *normalised,
                               double     *place,
                               double     *second);

/* Orders @values by @place_of; NULL unless every answer but the non-substantive ones has a
 * place, at least @minimum do, and no two share one. */
static GPtrArray *
order_by_places (const Answers *answers,
                 PlaceFunc      place_of,
                 guint          minimum,
                 guint         *n_scale)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();

  for (guint i = 0; i < answers->values->len; i++)
    {
      const char *value = g_ptr_array_index (answers->values, i);
      Placed p = { value, 0, 0 };

      if (answers->outside[i])
        g_ptr_array_add (outside, (gpointer) value);
      else if (place_of (answers->plain[i], &p.place, &p.second))
        g_array_append_val (placed, p);
      else
        return NULL;
    }
  if (placed->len < minimum)
    return NULL;
  return order_placed (placed, outside, n_scale);
}

/* A known wording: its levels in its order, nobody's choice included when @whole_scale. */
static GPtrArray *
order_by_wording (const char * const *scale,
                  char              **plain_scale,
                  const Answers      *answers,
                  gboolean            whole_scale,
                  guint              *n_scale)
{
  guint scale_length = g_strv_length ((char **) scale);
  g_autofree const char **found = g_new0 (const char *, scale_length);
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();
  gboolean any_in_scale = FALSE;
  GPtrArray *ordered;

  for (guint v = 0; v < answers->values->len; v++)
    {
      const char *value = g_ptr_array_index (answers->values, v);
      int at = -1;

      for (guint i = 0; plain_scale[i] != NULL && at < 0; i++)
        if (strcmp (plain_scale[i], answers->plain[v]) == 0)
          at = (int) i;
      /* "Strongly agree" and "Strongly Agree" are one point spelt twice: no order is given
       * rather than one of them placed after "Don't know". */
      if (at >= 0 && found[at] != NULL)
        return NULL;
      if (at >= 0)
        {
          any_in_scale = TRUE;
          found[at] = value;
        }
      else if (answers->outside[v])
        g_ptr_array_add (outside, (gpointer) value);
      else
        return NULL;
    }
  if (!any_in_scale)
    return NULL;

  ordered = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < scale_length; i++)
    if (found[i] != NULL || whole_scale)
      g_ptr_array_add (ordered, g_strdup (found[i] ? found[i] : scale[i]));
  *n_scale = ordered->len;
  for (guint i = 0; i < outside->len; i++)
    g_ptr_array_add (ordered, g_strdup (g_ptr_array_index (outside, i)));
  return ordered;
}

static gboolean
too_many_or_too_long (GPtrArray *values)
{
  if (values->len > MAX_SCALE_VALUES)
    return TRUE;
  for (guint i = 0; i < values->len; i++)
    if (strlen (g_ptr_array_index (values, i)) > MAX_SCALE_ANSWER)
      return TRUE;
  return FALSE;
}

/* Words with a rank: the whole answer must be one of them. */
typedef struct
{
  const char *words;
  double      rank;
} Ranked;

static const Ranked frequency_words[] = {
  { "never", 0 }, { "almost never", 1 }, { "hardly ever", 1 }, { "very rarely", 1 },
  { "rarely", 2 }, { "seldom", 2 }, { "once in a while", 3 }, { "occasionally", 3 },
  { "sometimes", 4 }, { "about half the time", 5 }, { "half the time", 5 }, { "often", 6 },
  { "frequently", 6 }, { "very often", 7 }, { "usually", 7 }, { "most of the time", 7 },
  { "almost always", 8 }, { "always", 9 }, { NULL, 0 },
};

static const Ranked amount_words[] = {
  { "none", 0 }, { "none at all", 0 }, { "not at all", 0 }, { "nothing", 0 },
  { "very little", 1 }, { "not much", 1 }, { "not very much", 1 }, { "a little", 2 },
  { "a little bit", 2 }, { "little", 2 }, { "some", 3 }, { "somewhat", 3 },
  { "a moderate amount", 4 }, { "a fair amount", 4 }, { "moderately", 4 }, { "quite a bit", 5 },
  { "quite a lot", 5 }, { "a lot", 6 }, { "very much", 6 }, { "a great deal", 7 },
  { "completely", 8 }, { "entirely", 8 }, { NULL, 0 },
};

static gboolean
place_ranked (const Ranked *table,
              const char   *normalised,
              double       *place)
{
  for (guint i = 0; table[i].words != NULL; i++)
    if (strcmp (table[i].words, normalised) == 0)
      {
        *place = table[i].rank;
        return TRUE;
      }
  return FALSE;
}

static gboolean
place_frequency_word (const char *normalised,
                      double     *place,
                      double     *second)
{
  return place_ranked (frequency_words, normalised, place);
}

static gboolean
place_amount_word (const char *normalised,
                   double     *place,
                   double     *second)
{
  return place_ranked (amount_words, normalised, place);
}

/* The words of a normalised answer: letters, digits and the few signs bands use. */
static char **
split_words (const char *normalised)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = normalised;

  while (*p != '\0')
    {
      const char *start = p;

      if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        while (g_ascii_isalpha (*p) || *p == '\'' || (guchar) *p >= 0x80)
          p++;
      else if (g_ascii_isdigit (*p))
        /* 25,000 and 2.5 are one number; "1,2" is not a thousand. */
        while (g_ascii_isdigit (*p)
               || ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1])
                   && (*p == '.' || (g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
                                     && !g_ascii_isdigit (p[4])))))
          p++;
      else
        {
          if (*p == '+' || *p == '-' || *p == '$' || *p == '%' || *p == '<' || *p == '>')
            g_ptr_array_add (words, g_strndup (p, 1));
          p++;
          continue;
        }
      g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static gboolean
word_number (const char *word,
             double     *number)
{
  static const char * const spelled[] = { "zero", "one", "two", "three", "four", "five", "six",
                                          "seven", "eight", "nine", "ten", "twelve", NULL };
  g_autofree char *digits = NULL;
  char *end;

  for (guint i = 0; spelled[i] != NULL; i++)
    if (strcmp (word, spelled[i]) == 0)
      {
        *number = i == 11 ? 12 : i;
        return TRUE;
      }
  if (!g_ascii_isdigit (word[0]))
    return FALSE;
  digits = g_strdup (word);
  for (char *s = digits, *d = digits;; s++)
    if (*s != ',' && (*d++ = *s) == '\0')
      break;
  *number = g_ascii_strtod (digits, &end);
  return *end == '\0';
}

static gboolean
has_word (char       **words,
          const char  *word)
{
  return g_strv_contains ((const char * const *) words, word);
}

/* A period word says how often only as "daily", "a week", "per month", "every 2 years":
 * "1-5 years" is a duration. */
static gboolean
is_rate_period (char **words,
                guint  at)
{
  static const char * const before[] = { "a", "an", "per", "each", "every", "other", "few",
                                         NULL };
  const char *word = words[at];
  gsize length = strlen (word);
  double number;

  if (length > 2 && (g_str_has_suffix (word, "ly") || strcmp (word, "annual") == 0))
    return TRUE;
  if (at == 0)
    return FALSE;
  if (in_list (before, words[at - 1]))
    return TRUE;
  return at >= 2 && strcmp (words[at - 2], "every") == 0 && word_number (words[at - 1], &number);
}

/* How often a "how often" answer says something happens, in times a year: "once a month" 12,
 * "a few times per week" 156, "every day" 365, "never" 0. */
static gboolean
place_rate (const char *normalised,
            double     *place,
            double     *second)
{
  static const struct { const char *word; double per_year; } periods[] = {
    { "hour", 8760 }, { "hourly", 8760 }, { "day", 365 }, { "days", 365 }, { "daily", 365 },
    { "night", 365 }, { "week", 52 }, { "weeks", 52 }, { "weekly", 52 }, { "fortnight", 26 },
    { "fortnightly", 26 }, { "biweekly", 26 }, { "month", 12 }, { "months", 12 },
    { "monthly", 12 }, { "quarter", 4 }, { "quarterly", 4 }, { "year", 1 }, { "years", 1 },
    { "yearly", 1 }, { "annually", 1 }, { "annual", 1 },
  };
  g_auto(GStrv) words = NULL;
  double per_year = 0, times = 1, every = 1, number;
  gboolean found_period = FALSE;

  if (strcmp (normalised, "never") == 0)
    {
      *place = 0;
      return TRUE;
    }
  words = split_words (normalised);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
        if (strcmp (w, periods[p].word) == 0 && !found_period && is_rate_period (words, i))
          {
            per_year = periods[p].per_year;
            found_period = TRUE;
            /* "every 2 weeks", "every other day", "every few months" */
            if (i >= 1 && word_number (words[i - 1], &number) && number > 0 && i >= 2
                && strcmp (words[i - 2], "every") == 0)
              every = number;
            else if (i >= 2 && strcmp (words[i - 2], "every") == 0
                     && strcmp (words[i - 1], "other") == 0)
              every = 2;
            else if (i >= 2 && strcmp (words[i - 2], "every") == 0
                     && strcmp (words[i - 1], "few") == 0)
              every = 3;
          }
      if (strcmp (w, "once") == 0)
        times = 1;
      else if (strcmp (w, "twice") == 0)
        times = 2;
      else if (strcmp (w, "few") == 0 || strcmp (w, "several") == 0
               || strcmp (w, "multiple") == 0 || strcmp (w, "many") == 0)
        times = strcmp (w, "several") == 0 || strcmp (w, "many") == 0 ? 4 : 3;
      else if (strcmp (w, "couple") == 0)
        times = 2;
      else if (word_number (w, &number) && words[i + 1] != NULL
               && (strcmp (words[i + 1], "times") == 0 || strcmp (words[i + 1], "time") == 0))
        times = number;
      else if (word_number (w, &number) && words[i + 1] != NULL
               && strcmp (words[i + 1], "-") == 0 && words[i + 2] != NULL
               && word_number (words[i + 2], &times))
        times = (number + times) / 2;
    }
  if (!found_period)
    return FALSE;

  *place = per_year * times / every;
  if (has_word (words, "less") || has_word (words, "fewer") || has_word (words, "rarely")
      || (has_word (words, "up") && has_word (words, "to"))
      || (has_word (words, "at") && has_word (words, "most")))
    *place *= 0.7;
  else if (has_word (words, "more") || has_word (words, "over")
           || (has_word (words, "at") && has_word (words, "least")))
    *place *= 1.4;
  if (has_word (words, "almost") || has_word (words, "nearly") || has_word (words, "most"))
    *place *= 0.9;
  return TRUE;
}

/* Words a band may carry beside its numbers and range words: units and their like. */
static const char * const band_units[] = {
  "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour",
  "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "people", "persons", "person",
  "employees", "staff", "members", "children", "times", "old", "age", "aged", "ages", "km",
  "miles", "mile", "kg", "per", "annum", "a", "an", "of", "dollars", "pounds", "euros", "usd",
  "gbp", "eur", "k", "percent", "%", "$", "hours", "service", NULL,
};

static const char * const band_below[] = {
  "under", "less", "below", "fewer", "younger", "lower", "before", "up", "most", "<", NULL,
};

static const char * const band_above[] = {
  "over", "more", "above", "older", "plus", "+", "greater", "higher", "after", "least",
  "beyond", ">", NULL,
};

static const char * const band_glue[] = {
  "than", "or", "and", "to", "-", "at", "between", "from", "through", NULL,
};

/* A numeric band: "18-24", "under 18", "65 or over", "$25,000 - $49,999", "More than 20
 * years". Its place is its lower bound (minus infinity when open below), then its upper. */
static gboolean
place_band (const char *normalised,
            double     *place,
            double     *second)
{
  g_auto(GStrv) words = NULL;
  double numbers[2];
  guint n_numbers = 0;
  gboolean below = FALSE, above = FALSE;

  /* "1, 5" lists two options; a band's numbers are joined by words or a dash. */
  if (strstr (normalised, ", ") != NULL)
    return FALSE;
  words = split_words (normalised);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      double number;

      if (g_ascii_isdigit (w[0]) && word_number (w, &number))
        {
          if (n_numbers == 2)
            return FALSE;
          /* "25k" */
          if (words[i + 1] != NULL && strcmp (words[i + 1], "k") == 0)
            number *= 1000;
          numbers[n_numbers++] = number;
        }
      else if (in_list (band_below, w))
        below = TRUE;
      else if (in_list (band_above, w))
        above = TRUE;
      else if (!in_list (band_glue, w) && !in_list (band_units, w))
        return FALSE;
    }
  if (n_numbers == 0 || (below && above))
    return FALSE;
  if (n_numbers == 2)
    {
      if (below || above || numbers[0] > numbers[1])
        return FALSE;
      *place = numbers[0];
      *second = numbers[1];
    }
  else if (below)
    {
      *place = -INFINITY;
      *second = numbers[0];
    }
  else if (above)
    {
      *place = numbers[0];
      *second = INFINITY;
    }
  else
    *place = *second = numbers[0];
  return TRUE;
}

/* Bands need a range among them ("18-24", "65+"): plain numbers are counts or codes, which
 * role inference orders on its own terms. */
static gboolean
has_range (const Answers *answers)
{
  for (guint i = 0; i < answers->values->len; i++)
    {
      double place, second;

      if (place_band (answers->plain[i], &place, &second) && place != second)
        return TRUE;
    }
  return FALSE;
}

/* Whether the words of @phrase stand one after the other in @words. */
static gboolean
has_phrase (char       **words,
            const char  *phrase)
{
  g_auto(GStrv) wanted = g_strsplit (phrase, " ", -1);
  guint n = g_strv_length (wanted);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint k = 0;

      while (k < n && words[i + k] != NULL && strcmp (words[i + k], wanted[k]) == 0)
        k++;
      if (k == n)
        return TRUE;
    }
  return FALSE;
}

/* Levels of education, highest first as they are looked for: "Some college or associate
 * degree" is an associate degree, "Less than high school" is below high school. */
static const struct
{
  const char *phrases;  /* '|' between alternatives */
  double      rank;
} education_levels[] = {
  { "less than high school|less than secondary|some high school|no high school|primary|"
    "elementary|grade school", 1 },
  { "no formal|no qualifications|no schooling|none", 0 },
  { "doctorate|doctoral|phd|doctor", 7 },
  { "undergraduate|bachelor|bachelor's|bachelors|college degree|university degree|"
    "first degree", 5 },
  { "master|master's|masters|postgraduate|graduate|professional degree", 6 },
  { "associate|associate's|associates|foundation degree|hnd|hnc", 4 },
  { "some college|some university|vocational|trade school|technical college|college", 3 },
  { "a level|a levels|sixth form|btec", 2.5 },
  { "high school|secondary|ged|gcse|gcses|o level|o levels", 2 },
};

static gboolean
place_education (const char *normalised,
                 double     *place,
                 double     *second)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  int depth = 0;

  /* "(MA, MS, MBA, PhD, JD, MD, DDS)" gives examples, not the level. */
  for (const char *p = normalised; *p != '\0'; p++)
    {
      depth += (*p == '(') - (*p == ')');
      if (depth == 0 && *p != ')')
        g_string_append_c (plain, *p);
    }
  words = split_words (plain->str);
  for (guint i = 0; i < G_N_ELEMENTS (education_levels); i++)
    {
      g_auto(GStrv) phrases = g_strsplit (education_levels[i].phrases, "|", -1);

      for (guint k = 0; phrases[k] != NULL; k++)
        if (has_phrase (words, phrases[k]))
          {
            *place = education_levels[i].rank;
            return TRUE;
          }
    }
  return FALSE;
}

/* One word graded by the words before it: "Not at all important" … "Extremely important",
 * "Very uncomfortable" … "Very comfortable". Qualifiers in the order survey scales use them. */
static const Ranked qualifiers[] = {
  { "not at all", 0 }, { "not very", 0.5 }, { "not too", 0.5 }, { "not so", 0.5 },
  { "not", 0.3 }, { "a little", 0.8 }, { "slightly", 0.8 }, { "mildly", 0.8 },
  { "somewhat", 1 }, { "partly", 1 }, { "fairly", 1.5 }, { "moderately", 1.5 },
  { "reasonably", 1.5 }, { "quite", 2.5 }, { "mostly", 2.5 }, { "very", 3 }, { "strongly", 3 },
  { "highly", 3 }, { "extremely", 4 }, { "completely", 4 }, { "totally", 4 },
  { "entirely", 4 }, { NULL, 0 },
};

/* What the qualifier leaves, and how strongly; bare words weigh 2 (between "somewhat" and
 * "very"). Returns the word, or NULL for a neutral middle ("Neither … nor …", "Neutral"). */
static const char *
split_qualifier (const char *normalised,
                 double     *weight,
                 gboolean   *neutral)
{
  *neutral = g_str_has_prefix (normalised, "neither ") || strcmp (normalised, "neutral") == 0
             || strcmp (normalised, "undecided") == 0 || strcmp (normalised, "neither") == 0
             || strcmp (normalised, "mixed") == 0;
  if (*neutral)
    return NULL;
  for (guint i = 0; qualifiers[i].words != NULL; i++)
    {
      gsize length = strlen (qualifiers[i].words);

      if (strncmp (normalised, qualifiers[i].words, length) == 0 && normalised[length] == ' ')
        {
          *weight = qualifiers[i].rank;
          return normalised + length + 1;
        }
    }
  *weight = 2;
  return normalised;
}

/* Pairs whose second word is the first's opposite, beyond un-, dis-, in- and im-. */
static const char * const opposites[][2] = {
  { "easy", "difficult" }, { "easy", "hard" }, { "good", "bad" }, { "good", "poor" },
  { "better", "worse" }, { "positive", "negative" }, { "high", "low" }, { "safe", "unsafe" },
};

static gboolean
is_opposite (const char *word,
             const char *of)
{
  static const char * const prefixes[] = { "un", "dis", "in", "im", "ir", "il", NULL };

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (word, prefixes[i]) && strcmp (word + strlen (prefixes[i]), of) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (opposites); i++)
    if (strcmp (opposites[i][0], of) == 0 && strcmp (opposites[i][1], word) == 0)
      return TRUE;
  return FALSE;
}

static GPtrArray *
order_by_intensity (const Answers *answers,
                    guint         *n_scale)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();
  const char *positive = NULL;
  guint n_qualified = 0;

  /* The one word every answer grades, and its opposite when the scale has two poles. */
  for (guint i = 0; i < answers->values->len; i++)
    {
      const char *value = g_ptr_array_index (answers->values, i);
      const char *plain = answers->plain[i];
      gboolean neutral;
      double weight = 0;
      const char *word;

      if (answers->outside[i])
        {
          g_ptr_array_add (outside, (gpointer) value);
          continue;
        }
      word = split_qualifier (plain, &weight, &neutral);
      if (word != NULL && (*word == '\0' || strchr (word, ' ') != NULL))
        return NULL;
      n_qualified += word != NULL && word != plain;
      g_ptr_array_add (words, word ? g_strdup (word) : NULL);
      g_array_append_val (weights, weight);
      {
        Placed p = { value, 0, 0 };

        g_array_append_val (placed, p);
      }
    }
  for (guint i = 0; i < words->len && positive == NULL; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      gboolean has_opposite_form = FALSE;

      if (word == NULL)
        continue;
      for (guint j = 0; j < words->len; j++)
        if (g_ptr_array_index (words, j) != NULL
            && is_opposite (word, g_ptr_array_index (words, j)))
          has_opposite_form = TRUE;
      if (!has_opposite_form)
        positive = word;
    }
  if (positive == NULL || placed->len < 3 || n_qualified == 0)
    return NULL;

  for (guint i = 0; i < placed->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      double weight = g_array_index (weights, double, i);
      Placed *p = &g_array_index (placed, Placed, i);

      if (word == NULL)
        p->place = 0;
      else if (strcmp (word, positive) == 0)
        p->place = weight;
      else if (is_opposite (word, positive) && weight >= 0.8)
        p->place = -weight;
      else
        return NULL;
    }
  return order_placed (placed, outside, n_scale);
}

/* @words numbered @number, written as @like is. */
static char *
write_numbered (const Numbered *like,
                int             number,
                const char     *words)
{
  if (like->number_first)
    return g_strdup_printf ("%d%.*s%s%s", number, (int) like->n_sep, like->sep, words,
                            like->bracketed ? ")" : "");
  return g_strdup_printf ("%s%.*s%d)", words, (int) like->n_sep, like->sep, number);
}

/* Whether the numbers of the answers with words fall as the words' order rises. */
static gboolean
runs_against_words (const Numbered *read,
                    GArray         *worded,
                    GPtrArray      *words,
                    GPtrArray      *wording,
                    guint           n_wording)
{
  int previous = G_MAXINT;

  for (guint place = 0; place < n_wording; place++)
    {
      guint w;

      if (!g_ptr_array_find_with_equal_func (words, g_ptr_array_index (wording, place),
                                             g_str_equal, &w))
        continue;
      if (read[g_array_index (worded, guint, w)].number >= previous)
        return FALSE;
      previous = read[g_array_index (worded, guint, w)].number;
    }
  return previous != G_MAXINT;
}

/* The widest numbered scale: 0 to 10. */
#define MAX_NUMBERED_POINTS 11

/* Answers each written with a different number, one of them with words at least, in the order
 * of their numbers; answers that decline a place come after. They are a scale (*@is_scale)
 * when their words are in an order of their own or several answers are bare numbers, as a
 * rating's between its labelled ends. A number that nobody chose between them is a point of
 * a scale too, named by its number. When every answer has words and they fit a known Likert
 * wording, each in the place its number gives it, the wording names the points nobody chose, at
 * the ends too ("2 - Disagree" … "5 - Strongly agree" lack "1 - Strongly disagree"), written
 * as the others are. Words whose order runs against their numbers ("1 - Strongly agree" …
 * "5 - Strongly disagree") order the scale by the words (*@by_words), as every other scale of
 * the kind is ordered. */
static GPtrArray *
order_by_numbers (GPtrArray *values,
                  guint     *n_scale,
                  gboolean  *is_scale,
                  gboolean  *by_words)
{
  g_autofree Numbered *read = g_new0 (Numbered, MAX (values->len, 1));
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (values->len, 1));
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) worded = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) wording = NULL;
  char *by_number[MAX_NUMBERED_POINTS] = { NULL };
  const Numbered *like = NULL;
  GPtrArray *ordered;
  int low = G_MAXINT, high = G_MININT, first = 0, direction = 0;
  guint n_numbered = 0, n_wording = 0;
  gboolean against_words = FALSE;
  FeOrderKind kind;

  *by_words = FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (fe_answer_is_non_substantive (value))
        {
          g_ptr_array_add (outside, (gpointer) value);
          continue;
        }
      if (!read_numbered (value, &read[i]))
        return NULL;
      placed[i] = TRUE;
      low = MIN (low, read[i].number);
      high = MAX (high, read[i].number);
      n_numbered++;
      if (read[i].words != NULL)
        {
          like = &read[i];
          g_ptr_array_add (words, g_strndup (read[i].words, read[i].n_words));
          g_array_append_val (worded, i);
        }
    }
  if (like == NULL || n_numbered < 3 || high - low >= MAX_NUMBERED_POINTS)
    return NULL;

  wording = fe_scale_order (words, &kind, &n_wording);
  *is_scale = wording != NULL || n_numbered - words->len >= 2;
  /* The words' order runs with the numbers or against them ("1 - Strongly agree" …
   * "5 - Strongly disagree", the middle perhaps bare numbers); against them, the scale is in
   * the words' order, as every other scale of the kind is. */
  if (wording != NULL && kind != FE_ORDER_YES_NO && kind != FE_ORDER_NUMBERED
      && kind != FE_ORDER_NUMBERED_LIST && words->len >= 2)
    against_words = runs_against_words (read, worded, words, wording, n_wording);
  if (wording != NULL && (kind != FE_ORDER_LIKERT || words->len < n_numbered || words->len < 2))
    g_clear_pointer (&wording, g_ptr_array_unref);
  /* Each answer's place in the wording is its number less one offset, or the offset less its
   * number: the number of the wording's first point. */
  for (int way = 1; wording != NULL && way >= -1 && direction == 0; way -= 2)
    {
      gboolean fits = TRUE;

      for (guint w = 0; w < words->len && fits; w++)
        {
          const Numbered *answer = &read[g_array_index (worded, guint, w)];
          guint place = 0;
          int start;

          fits = g_ptr_array_find_with_equal_func (wording, g_ptr_array_index (words, w),
                                                   g_str_equal, &place)
                 && place < n_wording;
          start = answer->number - way * (int) place;
          fits = fits && (w == 0 || start == first);
          first = start;
        }
      direction = fits ? way : 0;
    }
  if (direction != 0)
    {
      int wording_low = direction > 0 ? first : first - (int) n_wording + 1;
      int wording_high = wording_low + (int) n_wording - 1;

      /* Answers numbered from 1 have no point 0. */
      if (wording_low < MIN (low, 1)
          || MAX (high, wording_high) - MIN (low, wording_low) >= MAX_NUMBERED_POINTS)
        direction = 0;
      else
        {
          low = MIN (low, wording_low);
          high = MAX (high, wording_high);
        }
    }
  if (direction == 0)
    g_clear_pointer (&wording, g_ptr_array_unref);
  /* Bare numbers between the words give no wording's points, but the words still run. */
  if (direction == 0 && against_words)
    direction = -1;

  for (guint i = 0; i < values->len; i++)
    {
      if (!placed[i])
        continue;
      /* Two answers with one number are no scale of numbered points. */
      if (by_number[read[i].number - low] != NULL)
        {
          for (guint n = 0; n < G_N_ELEMENTS (by_number); n++)
            g_free (by_number[n]);
          return NULL;
        }
      by_number[read[i].number - low] = g_strdup (g_ptr_array_index (values, i));
    }
  ordered = g_ptr_array_new_with_free_func (g_free);
  for (int k = 0; k <= high - low; k++)
    {
      int number = direction < 0 ? high - k : low + k;
      int place = direction * (number - first);
      char *level = by_number[number - low];

      if (level == NULL && wording != NULL && place >= 0 && place < (int) n_wording)
        level = write_numbered (like, number, g_ptr_array_index (wording, place));
      /* A list's missing numbers are options nobody chose, unnamed: not shown. */
      if (level != NULL || *is_scale)
        g_ptr_array_add (ordered, level != NULL ? level : g_strdup_printf ("%d", number));
    }
  *n_scale = ordered->len;
  *by_words = direction < 0;
  for (guint i = 0; i < outside->len; i++)
    g_ptr_array_add (ordered, g_strdup (g_ptr_array_index (outside, i)));
  return ordered;
}

GPtrArray *
fe_scale_order (GPtrArray   *values,
                FeOrderKind *kind,
                guint       *n_scale)
{
  GPtrArray *ordered = NULL;
  Answers answers;
  char ***scales;
  gboolean is_scale, by_words;

  *kind = FE_ORDER_NONE;
  *n_scale = 0;
  if (too_many_or_too_long (values))
    return NULL;

  /* The numbers the questionnaire gave its answers order them. */
  if ((ordered = order_by_numbers (values, n_scale, &is_scale, &by_words)) != NULL)
    {
      *kind = by_words ? FE_ORDER_LIKERT : is_scale ? FE_ORDER_NUMBERED : FE_ORDER_NUMBERED_LIST;
      return ordered;
    }
  answers_init (&answers, values);
  scales = normalised_scales ();
  /* Of the known wordings the answers fit, the one that adds the fewest points nobody chose
   * ("Poor, Fair, Good, Excellent" is a scale of four), the first listed on a tie. */
  for (guint s = 0; s < G_N_ELEMENTS (likert_scales); s++)
    {
      guint n_fitted;
      GPtrArray *fitted = order_by_wording (likert_scales[s], scales[s], &answers, TRUE,
                                            &n_fitted);

      if (fitted != NULL && (ordered == NULL || fitted->len < ordered->len))
        {
          g_clear_pointer (&ordered, g_ptr_array_unref);
          ordered = fitted;
          *n_scale = n_fitted;
        }
      else if (fitted != NULL)
        g_ptr_array_unref (fitted);
    }
  if (ordered != NULL)
    *kind = FE_ORDER_LIKERT;
  else if ((ordered = order_by_wording (yes_no, scales[G_N_ELEMENTS (likert_scales)], &answers,
                                        TRUE, n_scale)) != NULL)
    *kind = FE_ORDER_YES_NO;
  else if ((ordered = order_by_places (&answers, place_frequency_word, 3, n_scale)) != NULL
           || (ordered = order_by_places (&answers, place_rate, 3, n_scale)) != NULL)
    *kind = FE_ORDER_FREQUENCY;
  else if ((ordered = order_by_places (&answers, place_amount_word, 3, n_scale)) != NULL)
    *kind = FE_ORDER_AMOUNT;
  else if ((ordered = order_by_places (&answers, place_education, 3, n_scale)) != NULL)
    *kind = FE_ORDER_EDUCATION;
  else if ((ordered = order_by_intensity (&answers, n_scale)) != NULL)
    *kind = FE_ORDER_INTENSITY;
  else if (has_range (&answers)
           && (ordered = order_by_places (&answers, place_band, 3, n_scale)) != NULL)
    *kind = FE_ORDER_BANDS;
  answers_clear (&answers);
  return ordered;
}

FeRole
fe_scale_order_role (GPtrArray   *labels,
                     FeOrderKind *kind)
{
  guint n_scale;
  g_autoptr(GPtrArray) ordered = fe_scale_order (labels, kind, &n_scale);

  if (*kind == FE_ORDER_YES_NO)
    return FE_ROLE_CHOICE;
  if (ordered != NULL && *kind != FE_ORDER_NUMBERED_LIST)
    return FE_ROLE_ORDINAL;
  return FE_ROLE_ATTRIBUTE;
}

const char *
fe_order_kind_describe (FeOrderKind kind)
{
  switch (kind)
    {
    case FE_ORDER_LIKERT:
      return _("a known answer scale");
    case FE_ORDER_INTENSITY:
      return _("one answer graded from least to most");
    case FE_ORDER_FREQUENCY:
      return _("frequency scale");
    case FE_ORDER_AMOUNT:
      return _("amount scale");
    case FE_ORDER_EDUCATION:
      return _("levels of education");
    case FE_ORDER_BANDS:
      return _("numeric bands, in the order of their numbers");
    case FE_ORDER_YES_NO:
      return _("yes or no");
    case FE_ORDER_NUMBERED:
      return _("numbered answers, in the order of their numbers");
    case FE_ORDER_NUMBERED_LIST:
      return _("numbered options, in the questionnaire's order");
    case FE_ORDER_NONE:
    default:
      return NULL;
    }
}
