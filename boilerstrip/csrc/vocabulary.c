/* filters.base: the label and phrases of every block, and the blocks of each category. */
#include "speedups.h"

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
        int status = 0;
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
        /* Held while the phrase look-ups below run (a key's hash may be Python code). */
        Py_INCREF(sizes);
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sizes); i++) {
            Py_ssize_t size = PyLong_AsSsize_t(PyTuple_GET_ITEM(sizes, i));
            PyObject *key, *match;
            if (size == -1 && PyErr_Occurred()) {
                status = -1;
                break;
            }
            if (size > count - start) {
                continue;
            }
            key = PyTuple_GetSlice(words, start, start + size);
            match = key == NULL ? NULL : PyDict_GetItemWithError(phrases, key);
            Py_XDECREF(key);
            if (match != NULL) {
                status = PyList_Append(found, match);
                break;
            }
            if (PyErr_Occurred()) {
                status = -1;
                break;
            }
        }
        Py_DECREF(sizes);
        if (status < 0) {
            goto error;
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

/* hits[category], a list, made empty if missing (hits.setdefault(category, [])); a new
 * reference, or NULL with TypeError when the value there is not a list. */
static PyObject *
category_indexes(PyObject *hits, PyObject *category)
{
    PyObject *indexes = PyDict_GetItemWithError(hits, category);
    if (indexes == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        indexes = PyList_New(0);
        if (indexes != NULL && PyDict_SetItem(hits, category, indexes) < 0) {
            Py_CLEAR(indexes);
        }
        return indexes;
    }
    if (!PyList_Check(indexes)) {
        PyErr_SetString(PyExc_TypeError, "hits must map categories to lists");
        return NULL;
    }
    return Py_NewRef(indexes);
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
            indexes = category_indexes(hits, category);
            seen = indexes == NULL || PyList_Append(indexes, position) < 0
                       || PyList_Append(done, category) < 0
                       ? -1
                       : 0;
            Py_XDECREF(indexes);
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
    if (tables->scan_words == -1 && PyErr_Occurred()) {
        return -1;
    }
    tables->short_block_words = PyLong_AsSsize_t(PyTuple_GET_ITEM(limits, 1));
    if (tables->short_block_words == -1 && PyErr_Occurred()) {
        return -1;
    }
    tables->consent_words = PyTuple_GET_ITEM(limits, 2);
    if ((tables->labels = PyObject_GetAttrString(lexicon, "labels")) == NULL
        || (tables->phrases = PyObject_GetAttrString(lexicon, "phrases")) == NULL
        || (tables->phrase_sizes = PyObject_GetAttrString(lexicon, "phrase_sizes")) == NULL
        || (tables->anchor_words = PyObject_GetAttrString(lexicon, "anchor_words")) == NULL
        || (longest = PyObject_GetAttrString(lexicon, "longest_label")) == NULL) {
        return -1;
    }
    tables->longest_label = PyLong_AsSsize_t(longest);
    Py_DECREF(longest);
    if (tables->longest_label == -1 && PyErr_Occurred()) {
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
    int status = 0;
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
    if (found == NULL && PyErr_Occurred()) {
        return -1;
    }
    if (found == NULL || found == Py_None) {
        /* None counts as not seen, as seen.get() does. */
        found = vocabulary_of(words, tables);
        if (found == NULL || PyDict_SetItem(seen, words, found) < 0) {
            Py_XDECREF(found);
            return -1;
        }
    }
    else if (!PyTuple_Check(found) || PyTuple_GET_SIZE(found) != 2
             || !PyTuple_Check(PyTuple_GET_ITEM(found, 1))) {
        PyErr_SetString(PyExc_TypeError, "seen must map words to (label, phrases) tuples");
        return -1;
    }
    else {
        Py_INCREF(found);
    }
    label = PyTuple_GET_ITEM(found, 0);
    found_phrases = PyTuple_GET_ITEM(found, 1);
    if (PyList_Append(labels, label) < 0 || PyList_Append(phrases, found_phrases) < 0) {
        status = -1;
    }
    else if (label != Py_None || PyTuple_GET_SIZE(found_phrases) > 0) {
        status = add_hits(hits, index, label, found_phrases, category_name);
    }
    Py_DECREF(found);
    return status;
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
    /* A tuple of its own: the look-ups below may run Python code that changes a list. */
    blocks = category_name == NULL ? NULL : PySequence_Tuple(args[0]);
    if (blocks != NULL) {
        Py_ssize_t i = 0;
        for (; i < PyTuple_GET_SIZE(blocks); i++) {
            if (add_block_vocabulary(PyTuple_GET_ITEM(blocks, i), &tables, args[3], args[4],
                                     args[5], args[6], category_name) < 0) {
                break;
            }
        }
        if (i == PyTuple_GET_SIZE(blocks)) {
            result = Py_NewRef(Py_None);
        }
    }
    Py_XDECREF(blocks);
    Py_XDECREF(category_name);
    release_tables(&tables);
    return result;
}

PyMethodDef speedups_vocabulary_methods[] = {
    {"add_vocabulary", (PyCFunction)(void (*)(void))add_vocabulary, METH_FASTCALL,
     add_vocabulary_doc},
    {NULL, NULL, 0, NULL},
};
