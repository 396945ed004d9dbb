/* Compiled twins of the per-line work in boilerstrip/stats.py: words_of and measure.
 *
 * Every line of every page is tokenised and measured once; in Python that is a third of a
 * plain-text call, most of it spent making intermediate lists and strings. These functions
 * return exactly what the Python functions return (tests/test_speedups.py compares them on
 * random text and on every line of the data sets); stats.py uses them when this module was
 * built and falls back to the Python code otherwise.
 *
 * Which characters make words is not decided here: stats.py hands over a table built from
 * the `regex` module's own Unicode classes, so both paths agree whatever Unicode version
 * `regex` has. The table covers the Basic Multilingual Plane; a line with a character
 * beyond it is handed to the Python code, and so is a CJK line's measure.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

/* Bumped whenever these functions change: stats.py refuses a build of another version, so
 * a stale compiled module left in a source tree cannot shadow newer Python code. */
#define SPEEDUPS_VERSION 8

/* Bits of the word table: a character that may make a word ([\p{L}\p{N}\p{M}]), and one that
 * may follow an apostrophe inside a word ([\p{L}\p{M}]). */
#define WORD_CHAR 1
#define INNER_CHAR 2
#define TABLE_SIZE 0x10000
/* Where a Block (boilerstrip.blocks.Block) keeps its fields: configure() checks the names. */
#define BLOCK_FIELDS 10
#define BLOCK_INDEX 0
#define BLOCK_STATS 7
#define BLOCK_WORDS 8
#define STATS_FIELDS 8
/* words_of's quick path: a line this short of letters and spaces (stats._PLAIN_LINE_CHARS). */
#define PLAIN_LINE_CHARS 60

typedef struct {
    PyObject *word_table; /* bytes of TABLE_SIZE, or NULL until configure() */
    PyObject *stats_type; /* boilerstrip.blocks.TextStats */
    PyObject *block_type; /* boilerstrip.blocks.Block */
    PyObject *python_words_of; /* stats.python_words_of, for lines beyond the table */
    PyObject *python_measure;  /* stats.python_measure, for CJK lines */
    PyObject *str_lower;  /* the str.lower method descriptor */
    PyObject *empty_tuple;
    PyObject *empty_str;
} module_state;

static module_state *
get_state(PyObject *module)
{
    return (module_state *)PyModule_GetState(module);
}

static int
is_apostrophe(Py_UCS4 c)
{
    return c == '\'' || c == 0x2019;
}

static int
is_sentence_punct(Py_UCS4 c)
{
    /* [.!?。！？…] */
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F
           || c == 0x2026;
}

static int
is_closer(Py_UCS4 c)
{
    /* ["'”’»)\]] */
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')'
           || c == ']';
}

static int
is_terminal(Py_UCS4 c)
{
    /* stats._TERMINAL: the sentence punctuation and : ; */
    return is_sentence_punct(c) || c == ':' || c == ';';
}

static int
is_comma(Py_UCS4 c)
{
    /* [,，、;；] */
    return c == ',' || c == 0xFF0C || c == 0x3001 || c == ';' || c == 0xFF1B;
}

/* A line of letters and spaces only, with at least one letter (str.isalpha after the
 * spaces are removed). */
static int
is_plain_line(int kind, const void *data, Py_ssize_t length)
{
    int has_letter = 0;
    if (length > PLAIN_LINE_CHARS) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == ' ') {
            continue;
        }
        if (!Py_UNICODE_ISALPHA(c)) {
            return 0;
        }
        has_letter = 1;
    }
    return has_letter;
}

/* text[start:end] lower-cased, curly apostrophes made straight: a new reference.
 *
 * What lowering a whole line and splitting it at its spaces gives, word by word: case rules
 * that look at neighbours (the Greek final sigma) stop at a space, which is neither cased nor
 * case-ignorable. ASCII words (most) are lowered here; any other goes through str.lower. */
static PyObject *
lowered_word(module_state *state, int kind, const void *data, Py_ssize_t start,
             Py_ssize_t end)
{
    Py_ssize_t length = end - start;
    int ascii = 1;
    for (Py_ssize_t i = start; i < end; i++) {
        if (PyUnicode_READ(kind, data, i) >= 0x80) {
            ascii = 0;
            break;
        }
    }
    if (ascii) {
        PyObject *word = PyUnicode_New(length, 0x7F);
        Py_UCS1 *target;
        if (word == NULL) {
            return NULL;
        }
        target = PyUnicode_1BYTE_DATA(word);
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, start + i);
            target[i] = (Py_UCS1)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return word;
    }
    else {
        Py_UCS4 *characters = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)length);
        PyObject *word, *lowered;
        if (characters == NULL) {
            return PyErr_NoMemory();
        }
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, start + i);
            characters[i] = c == 0x2019 ? '\'' : c;
        }
        word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, characters, length);
        PyMem_Free(characters);
        if (word == NULL) {
            return NULL;
        }
        lowered = PyObject_CallOneArg(state->str_lower, word);
        Py_DECREF(word);
        return lowered;
    }
}

/* (initials, words, plain) of the words at `spans` (start, end pairs) of the line. */
static PyObject *
words_entry(module_state *state, int kind, const void *data, const Py_ssize_t *spans,
            Py_ssize_t count, PyObject *plain)
{
    Py_UCS4 *initials;
    PyObject *initials_str, *words;
    if (count == 0) {
        return Py_BuildValue("(OOO)", state->empty_str, state->empty_tuple, plain);
    }
    initials = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)count);
    if (initials == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        initials[k] = PyUnicode_READ(kind, data, spans[2 * k]);
    }
    initials_str = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, initials, count);
    PyMem_Free(initials);
    words = PyTuple_New(count);
    if (initials_str == NULL || words == NULL) {
        Py_XDECREF(initials_str);
        Py_XDECREF(words);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *word = lowered_word(state, kind, data, spans[2 * k], spans[2 * k + 1]);
        if (word == NULL) {
            Py_DECREF(initials_str);
            Py_DECREF(words);
            return NULL;
        }
        PyTuple_SET_ITEM(words, k, word);
    }
    return Py_BuildValue("(NNO)", initials_str, words, plain);
}

/* (initials, words, True) of a plain line: text.split() and text.lower().split(). */
static PyObject *
plain_words(module_state *state, int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t spans[PLAIN_LINE_CHARS * 2];
    Py_ssize_t count = 0, i = 0;
    while (i < length) {
        if (PyUnicode_READ(kind, data, i) == ' ') {
            i++;
            continue;
        }
        spans[2 * count] = i;
        while (i < length && PyUnicode_READ(kind, data, i) != ' ') {
            i++;
        }
        spans[2 * count + 1] = i;
        count++;
    }
    return words_entry(state, kind, data, spans, count, Py_True);
}

/* The end of the word starting at `start` (a word character): letters, digits and marks,
 * then any number of apostrophe + letters/marks, as tokens.WORD matches it. */
static Py_ssize_t
word_end(const unsigned char *table, int kind, const void *data, Py_ssize_t length,
         Py_ssize_t start)
{
    Py_ssize_t i = start + 1;
    while (i < length && (table[PyUnicode_READ(kind, data, i)] & WORD_CHAR)) {
        i++;
    }
    while (i + 1 < length && is_apostrophe(PyUnicode_READ(kind, data, i))
           && (table[PyUnicode_READ(kind, data, i + 1)] & INNER_CHAR)) {
        i += 2;
        while (i < length && (table[PyUnicode_READ(kind, data, i)] & INNER_CHAR)) {
            i++;
        }
    }
    return i;
}

/* (initials, words, False) of any other line: the tokens of tokens.WORD, lower-cased with
 * curly apostrophes made straight (as words_of joins, lowers and splits them). */
static PyObject *
token_words(module_state *state, const unsigned char *table, int kind, const void *data,
            Py_ssize_t length)
{
    /* A line of n characters holds at most n words. */
    Py_ssize_t *spans = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(2 * length + 2));
    Py_ssize_t count = 0, i = 0;
    PyObject *entry;
    if (spans == NULL) {
        return PyErr_NoMemory();
    }
    while (i < length) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_ssize_t end;
        if (table[c] & WORD_CHAR) {
            end = word_end(table, kind, data, length, i);
        }
        else if (c == 0xA9 || c == 0xAE) { /* © and ® are words of their own */
            end = i + 1;
        }
        else {
            i++;
            continue;
        }
        spans[2 * count] = i;
        spans[2 * count + 1] = end;
        count++;
        i = end;
    }
    entry = words_entry(state, kind, data, spans, count, Py_False);
    PyMem_Free(spans);
    return entry;
}

PyDoc_STRVAR(words_of_doc,
             "words_of(text, /)\n--\n\n"
             "stats.words_of(text) (a line with a character beyond the Basic Multilingual\n"
             "Plane is handed to the Python code).");

static PyObject *
words_of(PyObject *module, PyObject *text)
{
    module_state *state = get_state(module);
    int kind;
    const void *data;
    Py_ssize_t length;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "words_of() takes a str, got %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (state->word_table == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "words_of() called before configure()");
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_4BYTE_KIND) {
        return PyObject_CallOneArg(state->python_words_of, text);
    }
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    if (is_plain_line(kind, data, length)) {
        return plain_words(state, kind, data, length);
    }
    return token_words(state, (const unsigned char *)PyBytes_AS_STRING(state->word_table),
                       kind, data, length);
}

/* Sentence ends as stats._SENTENCE_END finds them: a run of sentence punctuation and any
 * closing quotes or brackets, followed by white space (not \x1c-\x1f) or the end. */
static Py_ssize_t
count_sentence_ends(int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t count = 0, i = 0;
    while (i < length) {
        Py_ssize_t j;
        if (!is_sentence_punct(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        j = i + 1;
        while (j < length && is_sentence_punct(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        while (j < length && is_closer(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        if (j == length) {
            count++;
        }
        else {
            Py_UCS4 next = PyUnicode_READ(kind, data, j);
            if (Py_UNICODE_ISSPACE(next) && !(next >= 0x1C && next <= 0x1F)) {
                count++;
            }
        }
        /* A start inside the same run would end at the same place with the same verdict. */
        i = j;
    }
    return count;
}

static int
ends_sentence(int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t end = length;
    while (end > 0 && is_closer(PyUnicode_READ(kind, data, end - 1))) {
        end--;
    }
    return end > 0 && is_terminal(PyUnicode_READ(kind, data, end - 1));
}

static int
has_comma(int kind, const void *data, Py_ssize_t length)
{
    for (Py_ssize_t i = 0; i < length; i++) {
        if (is_comma(PyUnicode_READ(kind, data, i))) {
            return 1;
        }
    }
    return 0;
}

PyDoc_STRVAR(measure_doc,
             "measure(text, initials, lowered, stopwords, cjk, plain=False)\n--\n\n"
             "stats.measure: the TextStats of a line (the Python code measures CJK lines).");

static const char *const measure_parameters[] = {
    "text", "initials", "lowered", "stopwords", "cjk", "plain",
};
#define MEASURE_PARAMETERS 6
#define MEASURE_REQUIRED 5

/* The arguments of measure() in parameter order, from positions and keywords alike. */
static int
measure_arguments(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                  PyObject **found)
{
    Py_ssize_t nkeywords = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (int i = 0; i < MEASURE_PARAMETERS; i++) {
        found[i] = NULL;
    }
    if (nargs > MEASURE_PARAMETERS) {
        PyErr_Format(PyExc_TypeError, "measure() takes at most 6 arguments (%zd given)",
                     nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        found[i] = args[i];
    }
    for (Py_ssize_t k = 0; k < nkeywords; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        int slot = -1;
        for (int i = 0; i < MEASURE_PARAMETERS; i++) {
            if (PyUnicode_CompareWithASCIIString(name, measure_parameters[i]) == 0) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            PyErr_Format(PyExc_TypeError, "measure() got an unexpected keyword argument %R",
                         name);
            return -1;
        }
        if (found[slot] != NULL) {
            PyErr_Format(PyExc_TypeError, "measure() got multiple values for argument %R",
                         name);
            return -1;
        }
        found[slot] = args[nargs + k];
    }
    for (int i = 0; i < MEASURE_REQUIRED; i++) {
        if (found[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "measure() missing required argument '%s'",
                         measure_parameters[i]);
            return -1;
        }
    }
    return 0;
}

/* A tuple of the tuple subclass `type` (a named tuple) holding `fields`, whose references it
 * takes, as tuple.__new__(type, fields) builds it; NULL, with every field released, when a
 * field is NULL or memory runs out. */
static PyObject *
new_named_tuple(PyObject *type, PyObject **fields, Py_ssize_t count)
{
    PyObject *result = ((PyTypeObject *)type)->tp_alloc((PyTypeObject *)type, count);
    for (Py_ssize_t i = 0; i < count; i++) {
        if (fields[i] == NULL || result == NULL) {
            for (Py_ssize_t k = 0; k < count; k++) {
                Py_XDECREF(fields[k]);
            }
            Py_XDECREF(result);
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyTuple_SET_ITEM(result, i, fields[i]);
    }
    return result;
}

/* The TextStats of a line of a language written with spaces between words; the arguments
 * are those of measure(), their types checked. */
static PyObject *
measure_words(module_state *state, PyObject *text, PyObject *initials, PyObject *lowered,
              PyObject *stopwords, int plain)
{
    Py_ssize_t words = PyTuple_GET_SIZE(lowered);
    Py_ssize_t stops = 0, capitalised = 0, digits = 0, sentences = 0;
    int ends = 0, comma = 0;
    int initials_kind = PyUnicode_KIND(initials);
    const void *initials_data = PyUnicode_DATA(initials);
    Py_ssize_t initials_length = PyUnicode_GET_LENGTH(initials);
    for (Py_ssize_t i = 0; i < words; i++) {
        int found = PySet_Contains(stopwords, PyTuple_GET_ITEM(lowered, i));
        if (found < 0) {
            return NULL;
        }
        stops += found;
    }
    for (Py_ssize_t i = 0; i < initials_length; i++) {
        Py_UCS4 c = PyUnicode_READ(initials_kind, initials_data, i);
        capitalised += Py_UNICODE_ISUPPER(c) ? 1 : 0;
        if (!plain) {
            digits += Py_UNICODE_ISDIGIT(c) ? 1 : 0;
        }
    }
    if (!plain) {
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t length = PyUnicode_GET_LENGTH(text);
        sentences = count_sentence_ends(kind, data, length);
        ends = ends_sentence(kind, data, length);
        comma = has_comma(kind, data, length);
    }
    {
        PyObject *fields[STATS_FIELDS] = {
            PyLong_FromSsize_t(words),
            PyLong_FromSsize_t(PyUnicode_GET_LENGTH(text)),
            PyLong_FromSsize_t(stops),
            PyLong_FromSsize_t(sentences),
            PyLong_FromSsize_t(capitalised),
            PyLong_FromSsize_t(digits),
            PyBool_FromLong(ends),
            PyBool_FromLong(comma),
        };
        return new_named_tuple(state->stats_type, fields, STATS_FIELDS);
    }
}

static int
check_measure_types(PyObject *text, PyObject *initials, PyObject *lowered, PyObject *stopwords)
{
    if (!PyUnicode_Check(text) || !PyUnicode_Check(initials) || !PyTuple_Check(lowered)
        || !PyAnySet_Check(stopwords)) {
        PyErr_SetString(PyExc_TypeError,
                        "measure() takes (str, str, tuple, frozenset, bool, bool)");
        return -1;
    }
    return 0;
}

static int
configured(module_state *state, const char *function)
{
    if (state->block_type == NULL) {
        PyErr_Format(PyExc_RuntimeError, "%s() called before configure()", function);
        return 0;
    }
    return 1;
}

static PyObject *
measure(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    module_state *state = get_state(module);
    PyObject *found[MEASURE_PARAMETERS];
    int cjk, plain = 0;

    if (measure_arguments(args, nargs, kwnames, found) < 0 || !configured(state, "measure")) {
        return NULL;
    }
    cjk = PyObject_IsTrue(found[4]);
    if (cjk < 0) {
        return NULL;
    }
    if (cjk) {
        /* Words there are counted in characters: the Python code does it. */
        return PyObject_Vectorcall(state->python_measure, args, nargs, kwnames);
    }
    if (found[5] != NULL && (plain = PyObject_IsTrue(found[5])) < 0) {
        return NULL;
    }
    if (check_measure_types(found[0], found[1], found[2], found[3]) < 0) {
        return NULL;
    }
    return measure_words(state, found[0], found[1], found[2], found[3], plain);
}

/* --- document building -------------------------------------------------------------------- */

/* The segment at `position` of `segments` (a PySequence_Fast), checked to be a 6-tuple whose
 * first item is a str; a borrowed reference, or NULL with an exception set. */
static PyObject *
segment_at(PyObject *segments, Py_ssize_t position)
{
    PyObject *segment = PySequence_Fast_GET_ITEM(segments, position);
    if (!PyTuple_Check(segment) || PyTuple_GET_SIZE(segment) != 6
        || !PyUnicode_Check(PyTuple_GET_ITEM(segment, 0))) {
        PyErr_Format(PyExc_TypeError, "segment %zd is not a (text, kind, start, end, line, "
                     "group) tuple", position);
        return NULL;
    }
    return segment;
}

PyDoc_STRVAR(add_words_doc,
             "add_words(segments, words, /)\n--\n\n"
             "document.python_add_words: words_of() of each segment's text not in `words`\n"
             "yet, added to it.");

static PyObject *
add_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *segments, *words;
    if (nargs != 2 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "add_words() takes (sequence, dict)");
        return NULL;
    }
    segments = PySequence_Fast(args[0], "add_words() takes a sequence of segments");
    if (segments == NULL) {
        return NULL;
    }
    words = args[1];
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(segments); i++) {
        PyObject *segment = segment_at(segments, i), *text, *found;
        int known;
        if (segment == NULL) {
            goto error;
        }
        text = PyTuple_GET_ITEM(segment, 0);
        known = PyDict_Contains(words, text);
        if (known < 0) {
            goto error;
        }
        if (known) {
            continue;
        }
        found = words_of(module, text);
        if (found == NULL || PyDict_SetItem(words, text, found) < 0) {
            Py_XDECREF(found);
            goto error;
        }
        Py_DECREF(found);
    }
    Py_DECREF(segments);
    Py_RETURN_NONE;
error:
    Py_DECREF(segments);
    return NULL;
}

/* The TextStats of `text`, from `stats` or measured and added to it; a borrowed reference. */
static PyObject *
stats_of(module_state *state, PyObject *text, PyObject *entry, PyObject *stats,
         PyObject *stopwords, int cjk)
{
    PyObject *found = PyDict_GetItemWithError(stats, text), *measured;
    PyObject *initials, *lowered, *plain;
    if (found != NULL || PyErr_Occurred()) {
        return found;
    }
    if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3) {
        PyErr_SetString(PyExc_TypeError, "a words entry is not an (initials, words, plain) tuple");
        return NULL;
    }
    initials = PyTuple_GET_ITEM(entry, 0);
    lowered = PyTuple_GET_ITEM(entry, 1);
    plain = PyTuple_GET_ITEM(entry, 2);
    if (cjk) {
        PyObject *call[6] = {text, initials, lowered, stopwords, Py_True, plain};
        measured = PyObject_Vectorcall(state->python_measure, call, 6, NULL);
    }
    else if (check_measure_types(text, initials, lowered, stopwords) < 0) {
        return NULL;
    }
    else {
        int is_plain = PyObject_IsTrue(plain);
        if (is_plain < 0) {
            return NULL;
        }
        measured = measure_words(state, text, initials, lowered, stopwords, is_plain);
    }
    if (measured == NULL || PyDict_SetItem(stats, text, measured) < 0) {
        Py_XDECREF(measured);
        return NULL;
    }
    Py_DECREF(measured); /* `stats` holds it */
    return measured;
}

PyDoc_STRVAR(add_blocks_doc,
             "add_blocks(segments, words, stats, stopwords, cjk, kinds, evidence, blocks, /)\n"
             "--\n\n"
             "document.python_add_blocks: a Block for each segment, appended to `blocks`.");

/* The Block of segment `position` of `segments` (a PySequence_Fast), numbered `index`. */
static PyObject *
block_of(module_state *state, PyObject *segments, Py_ssize_t position, Py_ssize_t index,
         PyObject *words, PyObject *stats, PyObject *stopwords, int cjk, PyObject *kinds,
         PyObject *evidence)
{
    PyObject *segment = segment_at(segments, position), *text, *entry, *measured, *kind;
    PyObject *dom;
    if (segment == NULL) {
        return NULL;
    }
    text = PyTuple_GET_ITEM(segment, 0);
    entry = PyDict_GetItemWithError(words, text);
    if (entry == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, text);
        }
        return NULL;
    }
    measured = stats_of(state, text, entry, stats, stopwords, cjk);
    if (measured == NULL) {
        return NULL;
    }
    kind = PyDict_GetItemWithError(kinds, PyTuple_GET_ITEM(segment, 1));
    if (kind == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, PyTuple_GET_ITEM(segment, 1));
        }
        return NULL;
    }
    dom = evidence == Py_None ? Py_NewRef(Py_None) : PySequence_GetItem(evidence, index);
    if (dom == NULL) {
        return NULL;
    }
    {
        PyObject *fields[BLOCK_FIELDS] = {
            PyLong_FromSsize_t(index),
            Py_NewRef(text),
            Py_NewRef(kind),
            Py_NewRef(PyTuple_GET_ITEM(segment, 2)),
            Py_NewRef(PyTuple_GET_ITEM(segment, 3)),
            Py_NewRef(PyTuple_GET_ITEM(segment, 4)),
            Py_NewRef(PyTuple_GET_ITEM(segment, 5)),
            Py_NewRef(measured),
            Py_NewRef(PyTuple_GET_ITEM(entry, 1)),
            dom,
        };
        return new_named_tuple(state->block_type, fields, BLOCK_FIELDS);
    }
}

static PyObject *
add_blocks(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    module_state *state = get_state(module);
    PyObject *segments, *blocks;
    int cjk;
    if (!configured(state, "add_blocks")) {
        return NULL;
    }
    if (nargs != 8 || !PyDict_Check(args[1]) || !PyDict_Check(args[2])
        || !PyAnySet_Check(args[3]) || !PyDict_Check(args[5])
        || !(args[6] == Py_None || PySequence_Check(args[6])) || !PyList_Check(args[7])) {
        PyErr_SetString(PyExc_TypeError, "add_blocks() takes (sequence, dict, dict, "
                        "frozenset, bool, dict, sequence or None, list)");
        return NULL;
    }
    if ((cjk = PyObject_IsTrue(args[4])) < 0) {
        return NULL;
    }
    segments = PySequence_Fast(args[0], "add_blocks() takes a sequence of segments");
    if (segments == NULL) {
        return NULL;
    }
    blocks = args[7];
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(segments); i++) {
        PyObject *block = block_of(state, segments, i, PyList_GET_SIZE(blocks), args[1],
                                   args[2], args[3], cjk, args[5], args[6]);
        if (block == NULL || PyList_Append(blocks, block) < 0) {
            Py_XDECREF(block);
            Py_DECREF(segments);
            return NULL;
        }
        Py_DECREF(block);
    }
    Py_DECREF(segments);
    Py_RETURN_NONE;
}

/* --- lexicon.language: the evidence of the language guess ---------------------------------- */

PyDoc_STRVAR(sample_words_doc,
             "sample_words(segments, words, limit, /)\n--\n\n"
             "document.python_sample_words: the first `limit` lower-cased words of the\n"
             "segments, in order.");

static PyObject *
sample_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *segments, *sample;
    Py_ssize_t limit;
    if (nargs != 3 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "sample_words() takes (sequence, dict, int)");
        return NULL;
    }
    limit = PyLong_AsSsize_t(args[2]);
    if (limit == -1 && PyErr_Occurred()) {
        return NULL;
    }
    segments = PySequence_Fast(args[0], "sample_words() takes a sequence of segments");
    if (segments == NULL) {
        return NULL;
    }
    sample = PyList_New(0);
    for (Py_ssize_t i = 0; sample != NULL && i < PySequence_Fast_GET_SIZE(segments); i++) {
        PyObject *segment = segment_at(segments, i), *entry, *lowered;
        if (segment == NULL) {
            Py_CLEAR(sample);
            break;
        }
        entry = PyDict_GetItemWithError(args[1], PyTuple_GET_ITEM(segment, 0));
        if (entry == NULL || !PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3
            || !PyTuple_Check(PyTuple_GET_ITEM(entry, 1))) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_KeyError, "a segment's text has no words entry");
            }
            Py_CLEAR(sample);
            break;
        }
        lowered = PyTuple_GET_ITEM(entry, 1);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(lowered); k++) {
            if (PyList_GET_SIZE(sample) >= limit) {
                break;
            }
            if (PyList_Append(sample, PyTuple_GET_ITEM(lowered, k)) < 0) {
                Py_CLEAR(sample);
                break;
            }
        }
        if (sample != NULL && PyList_GET_SIZE(sample) >= limit) {
            break;
        }
    }
    Py_DECREF(segments);
    return sample;
}

PyDoc_STRVAR(reaches_doc,
             "reaches(words, code_point, /)\n--\n\n"
             "lexicon.language.python_reaches: whether a character of the words is at or\n"
             "above `code_point`.");

static PyObject *
reaches(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *words;
    long limit;
    int found = 0;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "reaches() takes (sequence of str, int)");
        return NULL;
    }
    limit = PyLong_AsLong(args[1]);
    if (limit == -1 && PyErr_Occurred()) {
        return NULL;
    }
    words = PySequence_Fast(args[0], "reaches() takes a sequence of str");
    if (words == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; !found && i < PySequence_Fast_GET_SIZE(words); i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i);
        int kind;
        const void *data;
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "reaches() takes a sequence of str");
            Py_DECREF(words);
            return NULL;
        }
        /* The storage bounds every character: most words are settled without a look. */
        if ((long)PyUnicode_MAX_CHAR_VALUE(word) < limit) {
            continue;
        }
        kind = PyUnicode_KIND(word);
        data = PyUnicode_DATA(word);
        for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(word); k++) {
            if ((long)PyUnicode_READ(kind, data, k) >= limit) {
                found = 1;
                break;
            }
        }
    }
    Py_DECREF(words);
    return PyBool_FromLong(found);
}

PyDoc_STRVAR(stopword_hits_doc,
             "stopword_hits(sample, owners, /)\n--\n\n"
             "lexicon.language.python_stopword_hits: per language, how many words of the\n"
             "sample its stopword list has (`owners` maps a stopword to its languages).");

static PyObject *
stopword_hits(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sample, *hits;
    if (nargs != 2 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "stopword_hits() takes (sequence, dict)");
        return NULL;
    }
    sample = PySequence_Fast(args[0], "stopword_hits() takes a sequence of words");
    if (sample == NULL) {
        return NULL;
    }
    hits = PyDict_New();
    for (Py_ssize_t i = 0; hits != NULL && i < PySequence_Fast_GET_SIZE(sample); i++) {
        PyObject *languages = PyDict_GetItemWithError(args[1], PySequence_Fast_GET_ITEM(sample, i));
        if (languages == NULL) {
            if (PyErr_Occurred()) {
                Py_CLEAR(hits);
            }
            continue;
        }
        if (!PyTuple_Check(languages)) {
            PyErr_SetString(PyExc_TypeError, "owners must map stopwords to tuples");
            Py_CLEAR(hits);
            break;
        }
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(languages); k++) {
            PyObject *language = PyTuple_GET_ITEM(languages, k);
            PyObject *count = PyDict_GetItemWithError(hits, language), *next;
            long value = count == NULL ? 0 : PyLong_AsLong(count);
            if ((count == NULL && PyErr_Occurred()) || (value == -1 && PyErr_Occurred())) {
                Py_CLEAR(hits);
                break;
            }
            next = PyLong_FromLong(value + 1);
            if (next == NULL || PyDict_SetItem(hits, language, next) < 0) {
                Py_XDECREF(next);
                Py_CLEAR(hits);
                break;
            }
            Py_DECREF(next);
        }
    }
    Py_DECREF(sample);
    return hits;
}

/* --- filters.base: labels and phrases of every block ------------------------------------- */

/* Whether str.isdigit() holds for `word`: non-empty and digits only. */
static int
is_digit_word(PyObject *word)
{
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    if (length == 0) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        if (!Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, i))) {
            return 0;
        }
    }
    return 1;
}

/* Whether any item of the tuple `words` is in the set `set`: 1, 0, or -1 on error. */
static int
any_in(PyObject *words, PyObject *set)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(words); i++) {
        int found = PySet_Contains(set, PyTuple_GET_ITEM(words, i));
        if (found != 0) {
            return found;
        }
    }
    return 0;
}

/* Lexicon.label: the label `words` are, counts left out; a new reference, None for none. */
static PyObject *
label_of(PyObject *words, PyObject *labels)
{
    PyObject *found = PyDict_GetItemWithError(labels, words), *without_counts;
    Py_ssize_t count = PyTuple_GET_SIZE(words), kept = 0;
    int has_count = 0;
    if (found != NULL) {
        return Py_NewRef(found);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyTuple_GET_ITEM(words, i);
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "a block's words must be str");
            return NULL;
        }
        has_count |= is_digit_word(word);
    }
    if (!has_count) {
        Py_RETURN_NONE;
    }
    without_counts = PyTuple_New(count);
    if (without_counts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyTuple_GET_ITEM(words, i);
        if (!is_digit_word(word)) {
            PyTuple_SET_ITEM(without_counts, kept++, Py_NewRef(word));
        }
    }
    if (_PyTuple_Resize(&without_counts, kept) < 0) {
        return NULL;
    }
    found = PyDict_GetItemWithError(labels, without_counts);
    Py_DECREF(without_counts);
    if (found == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return Py_NewRef(found != NULL ? found : Py_None);
}

/* Lexicon.find_phrases as a tuple: at each word, the longest phrase starting there. */
static PyObject *
phrases_in(PyObject *words, PyObject *phrases, PyObject *phrase_sizes)
{
    Py_ssize_t count = PyTuple_GET_SIZE(words);
    PyObject *found = PyList_New(0), *result;
    if (found == NULL) {
        return NULL;
    }
    for (Py_ssize_t start = 0; start < count; start++) {
        PyObject *sizes = PyDict_GetItemWithError(phrase_sizes, PyTuple_GET_ITEM(words, start));
        if (sizes == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            continue;
        }
        if (!PyTuple_Check(sizes)) {
            PyErr_SetString(PyExc_TypeError, "Lexicon.phrase_sizes must map words to tuples");
            goto error;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sizes); i++) {
            Py_ssize_t size = PyLong_AsSsize_t(PyTuple_GET_ITEM(sizes, i));
            PyObject *key, *match;
            if (size == -1 && PyErr_Occurred()) {
                goto error;
            }
            if (size > count - start) {
                continue;
            }
            key = PyTuple_GetSlice(words, start, start + size);
            if (key == NULL) {
                goto error;
            }
            match = PyDict_GetItemWithError(phrases, key);
            Py_DECREF(key);
            if (match != NULL) {
                if (PyList_Append(found, match) < 0) {
                    goto error;
                }
                break;
            }
            if (PyErr_Occurred()) {
                goto error;
            }
        }
    }
    result = PyList_AsTuple(found);
    Py_DECREF(found);
    return result;
error:
    Py_DECREF(found);
    return NULL;
}

/* The lexicon's tables that vocabulary_of reads, looked up once per call. */
typedef struct {
    PyObject *labels, *phrases, *phrase_sizes, *anchor_words;
    Py_ssize_t longest_label, scan_words, short_block_words;
    PyObject *consent_words;
} vocabulary_tables;

/* filters.base.vocabulary_of: (label or None, phrases tuple) of a block's words. */
static PyObject *
vocabulary_of(PyObject *words, const vocabulary_tables *tables)
{
    Py_ssize_t count = PyTuple_GET_SIZE(words);
    PyObject *label, *phrases;
    int found;
    label = count <= tables->longest_label + 1 ? label_of(words, tables->labels)
                                                : Py_NewRef(Py_None);
    if (label == NULL) {
        return NULL;
    }
    if (count > tables->scan_words) {
        found = 0;
    }
    else if (count > tables->short_block_words) {
        found = any_in(words, tables->consent_words);
    }
    else {
        found = 1;
    }
    if (found > 0) {
        found = any_in(words, tables->anchor_words);
    }
    if (found < 0) {
        Py_DECREF(label);
        return NULL;
    }
    phrases = found ? phrases_in(words, tables->phrases, tables->phrase_sizes) : PyTuple_New(0);
    if (phrases == NULL) {
        Py_DECREF(label);
        return NULL;
    }
    return Py_BuildValue("(NN)", label, phrases);
}

/* Add `index` to hits[category] for each distinct category of `label` and `phrases`. */
static int
add_hits(PyObject *hits, Py_ssize_t index, PyObject *label, PyObject *phrases,
         PyObject *category_name)
{
    Py_ssize_t count = PyTuple_GET_SIZE(phrases);
    PyObject *done = PyList_New(0), *position = PyLong_FromSsize_t(index);
    int status = -1;
    if (done == NULL || position == NULL) {
        goto finally;
    }
    for (Py_ssize_t i = -1; i < count; i++) {
        PyObject *match = i < 0 ? label : PyTuple_GET_ITEM(phrases, i);
        PyObject *category, *indexes;
        int seen;
        if (match == Py_None) {
            continue;
        }
        category = PyObject_GetAttr(match, category_name);
        if (category == NULL) {
            goto finally;
        }
        seen = PySequence_Contains(done, category);
        if (seen == 0) {
            indexes = PyDict_SetDefault(hits, category, Py_None);
            if (indexes == Py_None) {
                PyObject *fresh = PyList_New(0);
                if (fresh == NULL || PyDict_SetItem(hits, category, fresh) < 0) {
                    Py_XDECREF(fresh);
                    Py_DECREF(category);
                    goto finally;
                }
                indexes = fresh;
                Py_DECREF(fresh); /* hits holds it */
            }
            seen = indexes == NULL || PyList_Append(indexes, position) < 0
                       || PyList_Append(done, category) < 0
                       ? -1
                       : 0;
        }
        Py_DECREF(category);
        if (seen < 0) {
            goto finally;
        }
    }
    status = 0;
finally:
    Py_XDECREF(done);
    Py_XDECREF(position);
    return status;
}

static int
read_tables(PyObject *lexicon, PyObject *limits, vocabulary_tables *tables)
{
    PyObject *longest;
    if (!PyTuple_Check(limits) || PyTuple_GET_SIZE(limits) != 3
        || !PyAnySet_Check(PyTuple_GET_ITEM(limits, 2))) {
        PyErr_SetString(PyExc_TypeError, "limits must be (scan words, short block words, "
                        "consent words)");
        return -1;
    }
    tables->scan_words = PyLong_AsSsize_t(PyTuple_GET_ITEM(limits, 0));
    tables->short_block_words = PyLong_AsSsize_t(PyTuple_GET_ITEM(limits, 1));
    tables->consent_words = PyTuple_GET_ITEM(limits, 2);
    tables->labels = PyObject_GetAttrString(lexicon, "labels");
    tables->phrases = PyObject_GetAttrString(lexicon, "phrases");
    tables->phrase_sizes = PyObject_GetAttrString(lexicon, "phrase_sizes");
    tables->anchor_words = PyObject_GetAttrString(lexicon, "anchor_words");
    longest = PyObject_GetAttrString(lexicon, "longest_label");
    tables->longest_label = longest == NULL ? -1 : PyLong_AsSsize_t(longest);
    Py_XDECREF(longest);
    if (PyErr_Occurred()) {
        return -1;
    }
    if (!PyDict_Check(tables->labels) || !PyDict_Check(tables->phrases)
        || !PyDict_Check(tables->phrase_sizes) || !PyAnySet_Check(tables->anchor_words)) {
        PyErr_SetString(PyExc_TypeError, "the lexicon's tables are not dicts and a set");
        return -1;
    }
    return 0;
}

static void
release_tables(vocabulary_tables *tables)
{
    Py_XDECREF(tables->labels);
    Py_XDECREF(tables->phrases);
    Py_XDECREF(tables->phrase_sizes);
    Py_XDECREF(tables->anchor_words);
}

/* One block's entry: its words' vocabulary (from `seen`, or found and added to it) appended
 * to `labels` and `phrases`, its index to `hits`. */
static int
add_block_vocabulary(PyObject *block, const vocabulary_tables *tables, PyObject *seen,
                     PyObject *labels, PyObject *phrases, PyObject *hits,
                     PyObject *category_name)
{
    PyObject *words, *found, *label, *found_phrases;
    Py_ssize_t index;
    if (!PyTuple_Check(block) || PyTuple_GET_SIZE(block) != BLOCK_FIELDS
        || !PyTuple_Check(PyTuple_GET_ITEM(block, BLOCK_WORDS))) {
        PyErr_SetString(PyExc_TypeError, "add_vocabulary() takes Blocks");
        return -1;
    }
    words = PyTuple_GET_ITEM(block, BLOCK_WORDS);
    index = PyLong_AsSsize_t(PyTuple_GET_ITEM(block, BLOCK_INDEX));
    if (index == -1 && PyErr_Occurred()) {
        return -1;
    }
    found = PyDict_GetItemWithError(seen, words);
    if (found == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        found = vocabulary_of(words, tables);
        if (found == NULL || PyDict_SetItem(seen, words, found) < 0) {
            Py_XDECREF(found);
            return -1;
        }
        Py_DECREF(found); /* seen holds it */
    }
    label = PyTuple_GET_ITEM(found, 0);
    found_phrases = PyTuple_GET_ITEM(found, 1);
    if (PyList_Append(labels, label) < 0 || PyList_Append(phrases, found_phrases) < 0) {
        return -1;
    }
    if (label == Py_None && PyTuple_GET_SIZE(found_phrases) == 0) {
        return 0;
    }
    return add_hits(hits, index, label, found_phrases, category_name);
}

PyDoc_STRVAR(add_vocabulary_doc,
             "add_vocabulary(blocks, lexicon, limits, seen, labels, phrases, hits, /)\n--\n\n"
             "filters.base.python_add_vocabulary: each block's label and phrases appended to\n"
             "`labels` and `phrases`, its index to `hits` under their categories.");

static PyObject *
add_vocabulary(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    vocabulary_tables tables = {NULL};
    PyObject *blocks, *category_name = NULL, *result = NULL;
    if (nargs != 7 || !PyDict_Check(args[3]) || !PyList_Check(args[4])
        || !PyList_Check(args[5]) || !PyDict_Check(args[6])) {
        PyErr_SetString(PyExc_TypeError, "add_vocabulary() takes (sequence, Lexicon, tuple, "
                        "dict, list, list, dict)");
        return NULL;
    }
    if (read_tables(args[1], args[2], &tables) < 0) {
        release_tables(&tables);
        return NULL;
    }
    category_name = PyUnicode_InternFromString("category");
    blocks = PySequence_Fast(args[0], "add_vocabulary() takes a sequence of blocks");
    if (blocks != NULL && category_name != NULL) {
        Py_ssize_t i = 0;
        for (; i < PySequence_Fast_GET_SIZE(blocks); i++) {
            if (add_block_vocabulary(PySequence_Fast_GET_ITEM(blocks, i), &tables, args[3],
                                     args[4], args[5], args[6], category_name) < 0) {
                break;
            }
        }
        if (i == PySequence_Fast_GET_SIZE(blocks)) {
            result = Py_NewRef(Py_None);
        }
    }
    Py_XDECREF(blocks);
    Py_XDECREF(category_name);
    release_tables(&tables);
    return result;
}

/* --- prose: the prose score of every block -------------------------------------------------- */

/* prose's constants, in the order prose.COEFFICIENTS lists them. */
enum {
    BIAS, PER_WORD, WORD_CAP, STOPWORD_GAIN, STOPWORD_PIVOT, SENTENCE_END_GAIN, COMMA_GAIN,
    CAPITALISED_PENALTY, CAPITALISED_SHARE, DIGIT_PENALTY, NEUTRAL_STOPWORD_SHARE, WEIGHT_CAP,
    WEIGHT_FLOOR, COEFFICIENT_COUNT
};

/* An integer field of a TextStats, as a C long long (-1 with an exception on error). */
static long long
stats_field(PyObject *stats, Py_ssize_t position)
{
    return PyLong_AsLongLong(PyTuple_GET_ITEM(stats, position));
}

/* prose.score_stats of one block's stats: the same operations in the same order on doubles
 * (setup.py turns off fused multiply-add, which would round differently), exp() from the
 * same C library as math.exp. */
static PyObject *
score_of(PyObject *stats, int has_stopwords, const double *c, PyObject *score_type,
         PyObject *empty_score)
{
    long long words, stopwords, capitalised, digits;
    int ends, comma;
    double share, z, likelihood, weight;
    if (!PyTuple_Check(stats) || PyTuple_GET_SIZE(stats) != STATS_FIELDS) {
        PyErr_SetString(PyExc_TypeError, "a block's stats are not a TextStats");
        return NULL;
    }
    words = stats_field(stats, 0);
    stopwords = stats_field(stats, 2);
    capitalised = stats_field(stats, 4);
    digits = stats_field(stats, 5);
    ends = PyObject_IsTrue(PyTuple_GET_ITEM(stats, 6));
    comma = PyObject_IsTrue(PyTuple_GET_ITEM(stats, 7));
    if (PyErr_Occurred() || ends < 0 || comma < 0) {
        return NULL;
    }
    if (words == 0) {
        return Py_NewRef(empty_score);
    }
    share = has_stopwords ? (double)stopwords / (double)words : c[NEUTRAL_STOPWORD_SHARE];
    z = c[BIAS] + c[PER_WORD] * (double)(words < c[WORD_CAP] ? words : (long long)c[WORD_CAP])
        + c[STOPWORD_GAIN] * (share - c[STOPWORD_PIVOT]) + (ends ? c[SENTENCE_END_GAIN] : 0.0)
        + (comma ? c[COMMA_GAIN] : 0.0);
    if (words > 3 && (double)capitalised / (double)words > c[CAPITALISED_SHARE]) {
        z -= c[CAPITALISED_PENALTY];
    }
    z -= c[DIGIT_PENALTY] * ((double)digits / (double)words);
    likelihood = exp(-z);
    if (isinf(likelihood)) {
        /* As math.exp reports it (only stats no page has, more digits than words, get here). */
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    likelihood = 1.0 / (1.0 + likelihood);
    weight = (likelihood - 0.5) * 2.0
             * (double)((words < c[WEIGHT_CAP] ? words : (long long)c[WEIGHT_CAP])
                        + (long long)c[WEIGHT_FLOOR]);
    {
        PyObject *fields[2] = {PyFloat_FromDouble(likelihood), PyFloat_FromDouble(weight)};
        return new_named_tuple(score_type, fields, 2);
    }
}

PyDoc_STRVAR(prose_scores_doc,
             "prose_scores(coefficients, score_type, empty_score, blocks, has_stopwords, /)\n"
             "--\n\n"
             "prose.python_prose_scores(blocks, has_stopwords), given prose's constants,\n"
             "ProseScore and the score of a block without words.");

static PyObject *
prose_scores(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    double coefficients[COEFFICIENT_COUNT];
    PyObject *blocks, *scores;
    int has_stopwords;
    if (nargs != 5 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != COEFFICIENT_COUNT
        || !PyType_Check(args[1])
        || !PyType_IsSubtype((PyTypeObject *)args[1], &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "prose_scores() takes (13 coefficients, ProseScore, "
                        "ProseScore, sequence of blocks, bool)");
        return NULL;
    }
    for (int i = 0; i < COEFFICIENT_COUNT; i++) {
        coefficients[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(args[0], i));
        if (coefficients[i] == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if ((has_stopwords = PyObject_IsTrue(args[4])) < 0) {
        return NULL;
    }
    blocks = PySequence_Fast(args[3], "prose_scores() takes a sequence of blocks");
    if (blocks == NULL) {
        return NULL;
    }
    scores = PyList_New(PySequence_Fast_GET_SIZE(blocks));
    for (Py_ssize_t i = 0; scores != NULL && i < PySequence_Fast_GET_SIZE(blocks); i++) {
        PyObject *block = PySequence_Fast_GET_ITEM(blocks, i), *score;
        if (!PyTuple_Check(block) || PyTuple_GET_SIZE(block) != BLOCK_FIELDS) {
            PyErr_SetString(PyExc_TypeError, "prose_scores() takes Blocks");
            Py_CLEAR(scores);
            break;
        }
        score = score_of(PyTuple_GET_ITEM(block, BLOCK_STATS), has_stopwords, coefficients,
                         args[1], args[2]);
        if (score == NULL) {
            Py_CLEAR(scores);
            break;
        }
        PyList_SET_ITEM(scores, i, score);
    }
    Py_DECREF(blocks);
    return scores;
}

/* --- segment.text: a segment per line -------------------------------------------------------- */

PyDoc_STRVAR(split_lines_doc,
             "split_lines(text, kind, check, /)\n--\n\n"
             "segment.text.python_split_lines: every non-empty line of `text` as a (line,\n"
             "kind, start, end, line number, group) segment; check() every 512 lines.");

/* A segment (text, kind, start, end, line number, group); a new reference. */
static PyObject *
line_segment(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *kind,
             Py_ssize_t number, Py_ssize_t group)
{
    PyObject *line = PyUnicode_Substring(text, start, end);
    if (line == NULL) {
        return NULL;
    }
    return Py_BuildValue("(NOnnnn)", line, kind, start, end, number, group);
}

static PyObject *
split_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *lines;
    int kind;
    const void *data;
    Py_ssize_t length, start = 0, number = 1, group = 0;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyCallable_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "split_lines() takes (str, kind, callable)");
        return NULL;
    }
    text = args[0];
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    lines = PyList_New(0);
    if (lines == NULL) {
        return NULL;
    }
    /* Every line, the one after a final "\n" included, as str.split("\n") gives them. */
    while (start <= length) {
        Py_ssize_t end = start;
        while (end < length && PyUnicode_READ(kind, data, end) != '\n') {
            end++;
        }
        if (number % 512 == 0) {
            PyObject *checked = PyObject_CallNoArgs(args[2]);
            if (checked == NULL) {
                Py_DECREF(lines);
                return NULL;
            }
            Py_DECREF(checked);
        }
        if (end > start) {
            PyObject *segment = line_segment(text, start, end, args[1], number, group);
            if (segment == NULL || PyList_Append(lines, segment) < 0) {
                Py_XDECREF(segment);
                Py_DECREF(lines);
                return NULL;
            }
            Py_DECREF(segment);
        }
        else if (PyList_GET_SIZE(lines) > 0) {
            group++;
        }
        start = end + 1;
        number++;
    }
    return lines;
}

/* --- filters.duplicates: the sentences of a block ------------------------------------------ */

/* The regex module's \s: Unicode White_Space (str.isspace also takes \x1c-\x1f). */
static int
is_white_space(Py_UCS4 c)
{
    return (c >= 0x09 && c <= 0x0D) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680
           || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
           || c == 0x205F || c == 0x3000;
}

/* The end of a sentence boundary starting at `i` (duplicates._SENTENCE_BOUNDARY: sentence
 * punctuation, closing quotes or brackets, white space), or -1 when none starts there, with
 * `*next` where to look next: no boundary starts inside the punctuation and quotes after i
 * either, since each would end at the same place. */
static Py_ssize_t
boundary_end(int kind, const void *data, Py_ssize_t length, Py_ssize_t i, Py_ssize_t *next)
{
    Py_ssize_t j = i;
    while (j < length && is_sentence_punct(PyUnicode_READ(kind, data, j))) {
        j++;
    }
    if (j == i) {
        *next = i + 1;
        return -1;
    }
    while (j < length && is_closer(PyUnicode_READ(kind, data, j))) {
        j++;
    }
    if (j == length || !is_white_space(PyUnicode_READ(kind, data, j))) {
        *next = j;
        return -1;
    }
    while (j < length && is_white_space(PyUnicode_READ(kind, data, j))) {
        j++;
    }
    return j;
}

/* Whether `c` is one of the characters of `edge`. */
static int
is_edge(Py_UCS4 c, int edge_kind, const void *edge_data, Py_ssize_t edge_length)
{
    for (Py_ssize_t k = 0; k < edge_length; k++) {
        if (PyUnicode_READ(edge_kind, edge_data, k) == c) {
            return 1;
        }
    }
    return 0;
}

/* Append lowered[start:end] stripped of edge characters to `keys`, unless nothing is left. */
static int
add_key(PyObject *keys, PyObject *lowered, Py_ssize_t start, Py_ssize_t end, PyObject *edge)
{
    int kind = PyUnicode_KIND(lowered), edge_kind = PyUnicode_KIND(edge);
    const void *data = PyUnicode_DATA(lowered), *edge_data = PyUnicode_DATA(edge);
    Py_ssize_t edge_length = PyUnicode_GET_LENGTH(edge);
    PyObject *key;
    int status;
    while (start < end && is_edge(PyUnicode_READ(kind, data, start), edge_kind, edge_data,
                                  edge_length)) {
        start++;
    }
    while (end > start && is_edge(PyUnicode_READ(kind, data, end - 1), edge_kind, edge_data,
                                  edge_length)) {
        end--;
    }
    if (start == end) {
        return 0;
    }
    key = PyUnicode_Substring(lowered, start, end);
    if (key == NULL) {
        return -1;
    }
    status = PyList_Append(keys, key);
    Py_DECREF(key);
    return status;
}

PyDoc_STRVAR(sentence_keys_doc,
             "sentence_keys(edge, text, /)\n--\n\n"
             "filters.duplicates.python_sentence_keys(text) with `edge` its\n"
             "_EDGE_PUNCTUATION.");

static PyObject *lower_text(PyObject *module, PyObject *text);

static PyObject *
sentence_keys(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *lowered, *keys;
    int kind;
    const void *data;
    Py_ssize_t length, start = 0, i = 0;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "sentence_keys() takes (str, str)");
        return NULL;
    }
    lowered = lower_text(module, args[1]);
    if (lowered == NULL) {
        return NULL;
    }
    keys = PyList_New(0);
    if (keys == NULL) {
        Py_DECREF(lowered);
        return NULL;
    }
    kind = PyUnicode_KIND(lowered);
    data = PyUnicode_DATA(lowered);
    length = PyUnicode_GET_LENGTH(lowered);
    while (i < length) {
        Py_ssize_t next = i + 1, end = boundary_end(kind, data, length, i, &next);
        if (end < 0) {
            i = next;
            continue;
        }
        if (add_key(keys, lowered, start, i, args[0]) < 0) {
            goto error;
        }
        start = i = end;
    }
    if (add_key(keys, lowered, start, length, args[0]) < 0) {
        goto error;
    }
    Py_DECREF(lowered);
    return keys;
error:
    Py_DECREF(lowered);
    Py_DECREF(keys);
    return NULL;
}

/* --- filters.base: the page lower-cased ------------------------------------------------------ */

#define CAPITAL_DOTTED_I 0x130 /* lowers to two characters, i and a combining dot */
#define CAPITAL_SIGMA 0x3A3    /* lowers by its neighbours (final sigma) */

/* Each character's single-character lower case, for text stored as CHAR. The lower case of
 * a character is never stored wider than the character (the speedups tests check every code
 * point). */
#define DEFINE_LOWER(NAME, CHAR)                                                          \
    static void NAME(const CHAR *in, Py_ssize_t length, CHAR *out)                        \
    {                                                                                     \
        for (Py_ssize_t i = 0; i < length; i++) {                                         \
            Py_UCS4 c = in[i];                                                            \
            if (c < 0x80) {                                                               \
                out[i] = (CHAR)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);               \
            }                                                                             \
            else {                                                                        \
                out[i] = (CHAR)Py_UNICODE_TOLOWER(c);                                     \
            }                                                                             \
        }                                                                                 \
    }

DEFINE_LOWER(lower_ucs1, Py_UCS1)
DEFINE_LOWER(lower_ucs2, Py_UCS2)
DEFINE_LOWER(lower_ucs4, Py_UCS4)

PyDoc_STRVAR(lower_doc,
             "lower(text, /)\n--\n\n"
             "str.lower(text): ASCII lowered here, other characters by their single-character\n"
             "lower case; a text with the two characters that lower otherwise (dotted capital\n"
             "I, capital sigma) goes to str.lower.");

static PyObject *
lower_text(PyObject *module, PyObject *text)
{
    module_state *state = get_state(module);
    int kind;
    const void *data;
    void *buffer;
    Py_ssize_t length;
    PyObject *result;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "lower() takes a str, got %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    if (kind != PyUnicode_1BYTE_KIND) {
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == CAPITAL_DOTTED_I || c == CAPITAL_SIGMA) {
                return PyObject_CallOneArg(state->str_lower, text);
            }
        }
    }
    buffer = PyMem_Malloc((size_t)(length > 0 ? length : 1) * (size_t)kind);
    if (buffer == NULL) {
        return PyErr_NoMemory();
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        lower_ucs1(data, length, buffer);
        break;
    case PyUnicode_2BYTE_KIND:
        lower_ucs2(data, length, buffer);
        break;
    default:
        lower_ucs4(data, length, buffer);
        break;
    }
    /* Rebuilt at the smallest kind that holds it: the Kelvin sign lowers to an ASCII k. */
    result = PyUnicode_FromKindAndData(kind, buffer, length);
    PyMem_Free(buffer);
    return result;
}

/* --- normalize.normalize_text ----------------------------------------------------------- */

static int
is_line_break(Py_UCS4 c)
{
    /* normalize._LINE_BREAKS without \r, which is handled with the \n after it */
    return c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static int
is_invisible(Py_UCS4 c)
{
    /* normalize._INVISIBLE */
    return c <= 0x08 || (c >= 0x0E && c <= 0x1F) || (c >= 0x7F && c <= 0x84)
           || (c >= 0x86 && c <= 0x9F) || c == 0x200B || c == 0x2060 || c == 0xFEFF
           || c == 0xAD;
}

static int
is_odd_space(Py_UCS4 c)
{
    /* normalize._ODD_SPACES */
    return c == '\t' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F
           || c == 0x205F || c == 0x3000;
}

/* What the character substitutions of normalize_text make of c: a line break, a space, U+FFFD
 * for a lone surrogate, 0 for an invisible character (dropped), or c itself. Printable ASCII,
 * most of any page, is decided by the first test. */
static Py_UCS4
mapped(Py_UCS4 c)
{
    if (c > ' ' && c < 0x7F) {
        return c;
    }
    if (c == '\n' || c == '\r' || is_line_break(c)) {
        return '\n';
    }
    if (c == ' ' || is_odd_space(c)) {
        return ' ';
    }
    if (is_invisible(c)) {
        return 0;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        return 0xFFFD;
    }
    return c;
}

/* normalize_text's passes fused into one, for text stored as CHAR: characters mapped (\r\n
 * as one break), space runs cut to one, spaces next to a break dropped, leading and trailing
 * spaces and breaks stripped, runs of three or more breaks cut to two. Writing to `out`
 * while looking back at what was written gives the same text as the passes one by one,
 * since each pass only looks at neighbours the ones before it have settled. Every result
 * fits CHAR. Returns the length written. */
#define DEFINE_NORMALIZE(NAME, CHAR)                                                      \
    static Py_ssize_t NAME(const CHAR *in, Py_ssize_t length, CHAR *out)                  \
    {                                                                                     \
        Py_ssize_t written = 0;                                                           \
        for (Py_ssize_t i = 0; i < length; i++) {                                         \
            Py_UCS4 c = mapped(in[i]);                                                    \
            if (c == ' ') {                                                               \
                if (written == 0 || out[written - 1] == ' ' || out[written - 1] == '\n') { \
                    continue;                                                             \
                }                                                                         \
            }                                                                             \
            else if (c == '\n') {                                                         \
                if (in[i] == '\r' && i + 1 < length && in[i + 1] == '\n') {              \
                    i++;                                                                  \
                }                                                                         \
                if (written > 0 && out[written - 1] == ' ') {                             \
                    written--;                                                            \
                }                                                                         \
                if (written == 0                                                          \
                    || (written > 1 && out[written - 1] == '\n'                           \
                        && out[written - 2] == '\n')) {                                   \
                    continue;                                                             \
                }                                                                         \
            }                                                                             \
            else if (c == 0) {                                                            \
                continue;                                                                 \
            }                                                                             \
            out[written++] = (CHAR)c;                                                     \
        }                                                                                 \
        while (written > 0 && (out[written - 1] == ' ' || out[written - 1] == '\n')) {    \
            written--;                                                                    \
        }                                                                                 \
        return written;                                                                   \
    }

DEFINE_NORMALIZE(normalize_ucs1, Py_UCS1)
DEFINE_NORMALIZE(normalize_ucs2, Py_UCS2)
DEFINE_NORMALIZE(normalize_ucs4, Py_UCS4)

PyDoc_STRVAR(normalize_text_doc,
             "normalize_text(text, /)\n--\n\n"
             "normalize.normalize_text(text): the same passes over the characters, in C.");

static PyObject *
normalize_text(PyObject *module, PyObject *text)
{
    int kind;
    Py_ssize_t length, written;
    const void *data;
    void *buffer;
    PyObject *result;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "normalize_text() takes a str, got %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    buffer = PyMem_Malloc((size_t)(length > 0 ? length : 1) * (size_t)kind);
    if (buffer == NULL) {
        return PyErr_NoMemory();
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        written = normalize_ucs1(data, length, buffer);
        break;
    case PyUnicode_2BYTE_KIND:
        written = normalize_ucs2(data, length, buffer);
        break;
    default:
        written = normalize_ucs4(data, length, buffer);
        break;
    }
    if (written == length && memcmp(buffer, data, (size_t)length * (size_t)kind) == 0) {
        /* Already normal (a cleaned text cleaned again): the same object. */
        PyMem_Free(buffer);
        return Py_NewRef(text);
    }
    /* Rebuilt at the smallest kind that holds what is left (a str must be canonical). */
    result = PyUnicode_FromKindAndData(kind, buffer, written);
    PyMem_Free(buffer);
    return result;
}

PyDoc_STRVAR(configure_doc,
             "configure(word_table, stats_type, block_type, python_words_of, python_measure, /)"
             "\n--\n\n"
             "Hand over the word table (bytes: bit 1 word character, bit 2 character after\n"
             "an apostrophe, for each code point of the Basic Multilingual Plane), the\n"
             "TextStats and Block types this module builds, and the Python functions for the\n"
             "lines it leaves to them.");

static const char *const block_fields[BLOCK_FIELDS] = {
    "index", "text", "kind", "start", "end", "line", "group", "stats", "words", "dom",
};
static const char *const stats_fields[STATS_FIELDS] = {
    "words", "chars", "stopwords", "sentences", "capitalised", "digits", "ends_sentence",
    "has_comma",
};

/* Whether the named tuple `type` has exactly the fields `names`, in that order: this module
 * builds and reads them by position. */
static int
has_fields(PyObject *type, const char *const *names, Py_ssize_t count)
{
    PyObject *fields;
    int same;
    if (!PyType_Check(type) || !PyType_IsSubtype((PyTypeObject *)type, &PyTuple_Type)) {
        return 0;
    }
    fields = PyObject_GetAttrString(type, "_fields");
    if (fields == NULL) {
        PyErr_Clear();
        return 0;
    }
    same = PyTuple_Check(fields) && PyTuple_GET_SIZE(fields) == count;
    for (Py_ssize_t i = 0; same && i < count; i++) {
        PyObject *name = PyTuple_GET_ITEM(fields, i);
        same = PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, names[i]) == 0;
    }
    Py_DECREF(fields);
    return same;
}

static PyObject *
configure(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    module_state *state = get_state(module);
    if (nargs != 5) {
        PyErr_Format(PyExc_TypeError, "configure() takes 5 arguments, got %zd", nargs);
        return NULL;
    }
    if (!PyBytes_Check(args[0]) || PyBytes_GET_SIZE(args[0]) != TABLE_SIZE) {
        PyErr_SetString(PyExc_ValueError, "configure() needs a word table of 65536 bytes");
        return NULL;
    }
    if (!has_fields(args[1], stats_fields, STATS_FIELDS)
        || !has_fields(args[2], block_fields, BLOCK_FIELDS)) {
        PyErr_SetString(PyExc_TypeError, "configure() needs the TextStats and Block named "
                        "tuples with the fields this module was written for");
        return NULL;
    }
    if (!PyCallable_Check(args[3]) || !PyCallable_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "configure() needs the two Python functions");
        return NULL;
    }
    Py_XSETREF(state->word_table, Py_NewRef(args[0]));
    Py_XSETREF(state->stats_type, Py_NewRef(args[1]));
    Py_XSETREF(state->block_type, Py_NewRef(args[2]));
    Py_XSETREF(state->python_words_of, Py_NewRef(args[3]));
    Py_XSETREF(state->python_measure, Py_NewRef(args[4]));
    Py_RETURN_NONE;
}

static PyMethodDef speedups_methods[] = {
    {"words_of", (PyCFunction)words_of, METH_O, words_of_doc},
    {"measure", (PyCFunction)(void (*)(void))measure, METH_FASTCALL | METH_KEYWORDS,
     measure_doc},
    {"normalize_text", (PyCFunction)normalize_text, METH_O, normalize_text_doc},
    {"add_words", (PyCFunction)(void (*)(void))add_words, METH_FASTCALL, add_words_doc},
    {"add_blocks", (PyCFunction)(void (*)(void))add_blocks, METH_FASTCALL, add_blocks_doc},
    {"sample_words", (PyCFunction)(void (*)(void))sample_words, METH_FASTCALL,
     sample_words_doc},
    {"reaches", (PyCFunction)(void (*)(void))reaches, METH_FASTCALL, reaches_doc},
    {"stopword_hits", (PyCFunction)(void (*)(void))stopword_hits, METH_FASTCALL,
     stopword_hits_doc},
    {"prose_scores", (PyCFunction)(void (*)(void))prose_scores, METH_FASTCALL,
     prose_scores_doc},
    {"split_lines", (PyCFunction)(void (*)(void))split_lines, METH_FASTCALL, split_lines_doc},
    {"sentence_keys", (PyCFunction)(void (*)(void))sentence_keys, METH_FASTCALL,
     sentence_keys_doc},
    {"lower", (PyCFunction)lower_text, METH_O, lower_doc},
    {"add_vocabulary", (PyCFunction)(void (*)(void))add_vocabulary, METH_FASTCALL,
     add_vocabulary_doc},
    {"configure", (PyCFunction)(void (*)(void))configure, METH_FASTCALL, configure_doc},
    {NULL, NULL, 0, NULL},
};

static int
speedups_exec(PyObject *module)
{
    module_state *state = get_state(module);
    state->word_table = NULL;
    state->stats_type = NULL;
    state->block_type = NULL;
    state->python_words_of = NULL;
    state->python_measure = NULL;
    state->str_lower = PyObject_GetAttrString((PyObject *)&PyUnicode_Type, "lower");
    state->empty_tuple = PyTuple_New(0);
    state->empty_str = PyUnicode_FromString("");
    if (state->str_lower == NULL || state->empty_tuple == NULL
        || state->empty_str == NULL) {
        return -1;
    }
    return PyModule_AddIntConstant(module, "VERSION", SPEEDUPS_VERSION);
}

static int
speedups_traverse(PyObject *module, visitproc visit, void *arg)
{
    module_state *state = get_state(module);
    Py_VISIT(state->word_table);
    Py_VISIT(state->stats_type);
    Py_VISIT(state->block_type);
    Py_VISIT(state->python_words_of);
    Py_VISIT(state->python_measure);
    Py_VISIT(state->str_lower);
    return 0;
}

static int
speedups_clear(PyObject *module)
{
    module_state *state = get_state(module);
    Py_CLEAR(state->word_table);
    Py_CLEAR(state->stats_type);
    Py_CLEAR(state->block_type);
    Py_CLEAR(state->python_words_of);
    Py_CLEAR(state->python_measure);
    Py_CLEAR(state->str_lower);
    Py_CLEAR(state->empty_tuple);
    Py_CLEAR(state->empty_str);
    return 0;
}

static void
speedups_free(void *module)
{
    speedups_clear((PyObject *)module);
}

static PyModuleDef_Slot speedups_slots[] = {
    {Py_mod_exec, speedups_exec},
    {0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "boilerstrip._speedups",
    .m_doc = "Compiled twins of boilerstrip.stats.words_of and measure.",
    .m_size = sizeof(module_state),
    .m_methods = speedups_methods,
    .m_slots = speedups_slots,
    .m_traverse = speedups_traverse,
    .m_clear = speedups_clear,
    .m_free = speedups_free,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModuleDef_Init(&speedups_module);
}
