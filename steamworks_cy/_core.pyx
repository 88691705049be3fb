# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Hand-written Cython core: run-time library loading, init, manual callback dispatch, typed getters.

Everything here talks to Steam through the generated function table (``_generated/flat.pxd``), so the
same code runs on Valve's library and on the bundled emulator. The per-frame path (`run_callbacks`)
and the getters allocate no Python objects unless there is something to return.
"""

from libc.string cimport memset, strlen
from libc.stdint cimport uint32_t, uint64_t
from libcpp cimport bool as cpp_bool
from libcpp.deque cimport deque
from libcpp.unordered_map cimport unordered_map
from cpython.dict cimport PyDict_SetItem, PyDict_GetItem
from cpython.object cimport PyObject, PyTypeObject
from cython.operator cimport dereference as deref

from steamworks_cy._generated.flat cimport (
    FlatTable, flat_table, bind_table, unbind_table, convert_callback,
    CallbackMsg_t, SteamAPICallCompleted_t, UserStatsReceived_t, UserStatsStored_t,
    UserStatsUnloaded_t, accessor_SteamUser, accessor_SteamUserStats, accessor_SteamUtils,
    ISteamUser, ISteamUserStats, ISteamUtils, HSteamPipe, SteamAPICall_t, SteamErrMsg, int32,
)

import os
import sys
from types import MethodType

from steamworks_cy._generated import flat as _flat
from steamworks_cy.errors import LibraryLoadError
from steamworks_cy.records import AchievementInfo
cimport cython

cdef extern from "Python.h":
    const char* PyUnicode_AsUTF8AndSize(object text, Py_ssize_t* size) except NULL

cdef extern from "_platform.h":
    void* swcy_dlopen(const char* path, char* err, size_t errlen) nogil
    void* swcy_dlsym(void* handle, const char* name) noexcept nogil
    double swcy_monotonic() noexcept nogil

# Callback ids this module interprets itself (from Valve's headers; also in _flat.CALLBACK_IDS).
cdef enum:
    CB_API_CALL_COMPLETED = 703
    CB_USER_STATS_RECEIVED = 1101
    CB_USER_STATS_STORED = 1102
    CB_USER_STATS_UNLOADED = 1108
    RESULT_OK = 1
    RESULT_IO_FAILURE = 15  # EResult k_EResultIOFailure: the call result could not be read

# How long a delivered call result waits for its broadcast twin (UserStatsReceived_t also arrives as
# a plain callback); after that an unmatched broadcast counts as news again.
cdef double TWIN_WINDOW_SECONDS = 30.0

cdef FlatTable* T = flat_table()

# _core is compiled against flat.pxd; a flat module built from other headers would lay the table
# out differently and every call through T would jump to the wrong function. Refuse to run instead.
if <size_t>sizeof(FlatTable) != len(_flat.FUNCTION_NAMES) * sizeof(void*):
    raise ImportError(
        f"steamworks_cy._core was compiled against other generated bindings than the installed "
        f"steamworks_cy._generated.flat ({sizeof(FlatTable) // sizeof(void*)} vs "
        f"{len(_flat.FUNCTION_NAMES)} functions); rebuild both: pip install -e . --force-reinstall")
cdef void* _library = NULL
cdef str _library_path = None
cdef bint _initialized = False
cdef bint _pumping = False
cdef HSteamPipe _pipe = 0
cdef ISteamUser* _user = NULL
cdef ISteamUserStats* _stats = NULL
cdef ISteamUtils* _utils = NULL
cdef uint64_t _game_id = 0

# Request bookkeeping in C++ containers: the per-event path allocates no Python objects for it.
cdef unordered_map[SteamAPICall_t, uint64_t] _pending  # call handle -> steam id it asked about
cdef struct UserRequests:
    int in_flight     # RequestUserStats calls whose result has not come yet
    int early_twins   # broadcasts that arrived before the call result they belong to

cdef unordered_map[uint64_t, UserRequests] _users      # steam id -> its requests in flight
cdef unordered_map[uint64_t, deque[double]] _twins     # steam id -> deadlines of broadcasts to swallow
cdef dict _display_cache = {}   # achievement API name -> (localized name, description, hidden)
cdef object _raw_handler = None # optional callable(obj) for every callback, after it is freed


# ----------------------------------------------------------------------------------------- loading

def load_library(str path not None):
    """dlopen ``path`` and bind every known function (missing ones stay NULL). Raises LibraryLoadError."""
    global _library, _library_path
    cdef char err[512]
    err[0] = 0
    if _library != NULL:
        if path == _library_path:
            return
        if _initialized:
            raise LibraryLoadError(
                f"{_library_path} is loaded and initialised; call shutdown() before loading {path}",
                (path,))
    encoded = os.fsencode(path)
    cdef void* handle = swcy_dlopen(encoded, err, sizeof(err))
    if handle == NULL:
        raise LibraryLoadError(err.decode("utf-8", "replace"), (path,))
    # The previous library is left loaded: Valve's library does not support being unloaded.
    _library = handle
    _library_path = path
    bind_table(handle, swcy_dlsym)


def library_has(str name not None):
    """True when the loaded library exports ``name``."""
    if _library == NULL:
        return False
    encoded = name.encode("ascii")
    return swcy_dlsym(_library, encoded) != NULL


# -------------------------------------------------------------------------------------------- init

def set_raw_callback_handler(handler):
    """Also hand every callback the generated layer can convert to ``handler(obj)``, after it is freed.

    ``obj`` is the generated class of the struct (``obj.CALLBACK_ID``, fields named as in C).
    """
    global _raw_handler
    _raw_handler = handler


_INIT_RESULT_NAMES = {0: "OK", 1: "FailedGeneric", 2: "NoSteamClient", 3: "VersionMismatch"}


def init_api():
    """SteamAPI_InitFlat + manual dispatch + interface accessors. Returns None, or an error message."""
    global _initialized, _pipe, _user, _stats, _utils, _game_id
    if _initialized:
        return None
    if _library == NULL:
        return "no Steam library is loaded"
    needed = ("SteamAPI_InitFlat", "SteamAPI_Shutdown", "SteamAPI_GetHSteamPipe",
              "SteamAPI_ManualDispatch_Init", "SteamAPI_ManualDispatch_RunFrame",
              "SteamAPI_ManualDispatch_GetNextCallback", "SteamAPI_ManualDispatch_FreeLastCallback",
              "SteamAPI_ManualDispatch_GetAPICallResult")
    missing = [name for name in needed if not library_has(name)]
    if missing:
        return (f"{_library_path} does not export {', '.join(missing)}; "
                f"it is not a Steam API library of SDK {_flat.SDK_VERSION} or later")
    accessor_problem = _accessor_mismatch()
    if accessor_problem:
        return accessor_problem

    cdef SteamErrMsg message
    memset(message, 0, sizeof(message))
    cdef int code = <int>T.SteamAPI_InitFlat(&message)
    message[sizeof(message) - 1] = 0
    if code != 0:
        text = message[:strlen(message)].decode("utf-8", "replace").strip()
        name = _INIT_RESULT_NAMES.get(code, "unknown")
        return f"SteamAPI_InitFlat failed with {code} ({name}): {text or 'no message'}"

    T.SteamAPI_ManualDispatch_Init()
    _pipe = T.SteamAPI_GetHSteamPipe()
    # The accessor helpers call whichever interface version the bindings were generated for.
    _user = accessor_SteamUser()
    _stats = accessor_SteamUserStats()
    _utils = accessor_SteamUtils()
    _game_id = 0
    if _utils != NULL and T.SteamAPI_ISteamUtils_GetAppID != NULL:
        # CGameID of a plain app: type 0, mod 0, so the 64-bit game id is the app id.
        _game_id = T.SteamAPI_ISteamUtils_GetAppID(_utils)
    _initialized = True
    _reset_state()
    return None


# The interfaces the core itself calls: without them init fails; others only warn.
_CORE_INTERFACES = ("ISteamUser", "ISteamUserStats", "ISteamUtils")
_interface_warnings = []


def _accessor_mismatch():
    """A message when the library lacks a core interface version the bindings were generated for.

    Other interfaces whose version differs are recorded in interface_warnings(): their functions
    then raise MissingFunctionError when called, which names the symbol.
    """
    fatal = []
    _interface_warnings.clear()
    for interface, expected, others, relation in _flat.accessor_mismatches(library_has):
        if relation == "missing":
            if interface in _CORE_INTERFACES:
                fatal.append(f"{expected} not exported")
            continue  # the library does not offer this interface at all (e.g. the emulator)
        problem = (f"{expected} not exported ({', '.join(others)} is): the library is from "
                   f"{'an older' if relation == 'older' else 'a newer'} SDK than the bindings "
                   f"(SDK {_flat.SDK_VERSION})")
        if interface in _CORE_INTERFACES:
            fatal.append(problem)
        else:
            _interface_warnings.append(problem)
    if not fatal:
        return None
    return (f"{'; '.join(fatal)}; regenerate the bindings from the SDK that library came from "
            f"with STEAMWORKS_SDK=<that SDK> pip install . (see UPDATING_SDK.md)")


def interface_warnings():
    """Interfaces whose version in the loaded library differs from the bindings' (set at init)."""
    return list(_interface_warnings)


cdef void _reset_state():
    _pending.clear()
    _users.clear()
    _twins.clear()
    _display_cache.clear()


def shutdown_api():
    """SteamAPI_Shutdown; safe to call at any time, also from inside a listener."""
    global _initialized, _user, _stats, _utils, _pipe, _game_id
    if not _initialized:
        return
    _initialized = False
    _user = NULL
    _stats = NULL
    _utils = NULL
    _pipe = 0
    _game_id = 0
    _reset_state()
    if T.SteamAPI_Shutdown != NULL:
        T.SteamAPI_Shutdown()


def is_initialized():
    return _initialized


def missing_functions():
    """Functions the bindings know that the loaded library does not export."""
    return _flat.missing_functions()


# -------------------------------------------------------------------------------------- properties

cdef inline bint _logged_on() noexcept:
    if not _initialized or _user == NULL or T.SteamAPI_ISteamUser_BLoggedOn == NULL:
        return False
    return T.SteamAPI_ISteamUser_BLoggedOn(_user)


cdef inline bint _stats_ready() noexcept:
    """Steam answers stats questions: initialised, the interface present, the user logged on."""
    return _stats != NULL and _logged_on()


def is_logged_on():
    return _logged_on()


cdef uint64_t _own_id():
    if not _initialized or _user == NULL or T.SteamAPI_ISteamUser_GetSteamID == NULL:
        return 0
    return T.SteamAPI_ISteamUser_GetSteamID(_user)


def user_steam_id():
    """The current user's 64-bit id, or None when not initialised or not logged on."""
    if not _logged_on():
        return None
    cdef uint64_t own = _own_id()
    return own if own else None


def app_id():
    if not _initialized or _utils == NULL or T.SteamAPI_ISteamUtils_GetAppID == NULL:
        return None
    return T.SteamAPI_ISteamUtils_GetAppID(_utils)


def game_id():
    return _game_id if _initialized else None


# -------------------------------------------------------------------------------------- user stats

def request_user_stats(uint64_t steam_id):
    """RequestUserStats for ``steam_id`` (0: the current user). True when the request was sent."""
    if not _stats_ready() or T.SteamAPI_ISteamUserStats_RequestUserStats == NULL:
        return False
    if steam_id == 0:
        steam_id = _own_id()
        if steam_id == 0:
            return False
    cdef SteamAPICall_t call = T.SteamAPI_ISteamUserStats_RequestUserStats(_stats, steam_id)
    if call == 0:
        return False
    _pending[call] = steam_id
    _users[steam_id].in_flight += 1
    return True


def pending_requests():
    """Number of RequestUserStats calls whose result has not been delivered yet."""
    return _pending.size()


cdef inline const char* _utf8(object name, Py_ssize_t* size) except? NULL:
    """UTF-8 bytes of a str without allocating (CPython caches them); NULL for non-str/embedded NUL."""
    if type(name) is not str:
        return NULL
    cdef const char* text
    try:
        text = PyUnicode_AsUTF8AndSize(name, size)
    except UnicodeEncodeError:  # lone surrogates: no Steam name looks like that
        return NULL
    if <size_t>size[0] != strlen(text):
        return NULL
    return text


cdef inline str _decode(const char* text):
    if text == NULL:
        return None
    return text[:strlen(text)].decode("utf-8", "replace")


cdef bint _is_current_user(uint64_t steam_id):
    return steam_id == 0 or steam_id == _own_id()


def achievement_info(name, uint64_t steam_id=0):
    """AchievementInfo for ``name`` of ``steam_id`` (0: current user), or None when Steam's getter fails."""
    cdef Py_ssize_t size
    cdef const char* cname
    cdef cpp_bool achieved = False
    cdef uint32_t unlock_time = 0
    cdef bint ok
    if not _stats_ready():
        return None
    cname = _utf8(name, &size)
    if cname == NULL:
        return None
    if _is_current_user(steam_id):
        if T.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime == NULL:
            return None
        ok = T.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(_stats, cname, &achieved, &unlock_time)
    else:
        if T.SteamAPI_ISteamUserStats_GetUserAchievementAndUnlockTime == NULL:
            return None
        ok = T.SteamAPI_ISteamUserStats_GetUserAchievementAndUnlockTime(
            _stats, steam_id, cname, &achieved, &unlock_time)
    if not ok:
        return None
    display = _display_cache.get(name)
    if display is None:
        display = _display_attributes(cname)
        if display is None:
            return None
        _display_cache[name] = display
    info = AchievementInfo()
    PyDict_SetItem(info, "unlocked", achieved)
    PyDict_SetItem(info, "unlockTime", unlock_time if achieved else None)
    PyDict_SetItem(info, "localizedName", (<tuple>display)[0])
    PyDict_SetItem(info, "localizedDescription", (<tuple>display)[1])
    PyDict_SetItem(info, "hidden", (<tuple>display)[2])
    return info


cdef object _display_attributes(const char* cname):
    """(name, desc, hidden) of an achievement; cached because they are fixed for the session."""
    if T.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute == NULL:
        return None
    localized = _decode(T.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute(_stats, cname, b"name"))
    description = _decode(T.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute(_stats, cname, b"desc"))
    hidden = _decode(T.SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute(_stats, cname, b"hidden"))
    return (localized or "", description or "", hidden == "1")


def achievement_names():
    """API names of all achievements of the app, in Steam's order; None when not initialised."""
    if (not _stats_ready() or T.SteamAPI_ISteamUserStats_GetNumAchievements == NULL
            or T.SteamAPI_ISteamUserStats_GetAchievementName == NULL):
        return None
    cdef uint32_t count = T.SteamAPI_ISteamUserStats_GetNumAchievements(_stats)
    cdef uint32_t index
    names = []
    for index in range(count):
        name = _decode(T.SteamAPI_ISteamUserStats_GetAchievementName(_stats, index))
        if name:
            names.append(name)
    return names


def stat_int(name, uint64_t steam_id=0):
    """An INT stat of ``steam_id`` (0: current user) as int, or None when Steam's getter fails."""
    cdef Py_ssize_t size
    cdef const char* cname
    cdef int32 value = 0
    cdef bint ok
    if not _stats_ready():
        return None
    cname = _utf8(name, &size)
    if cname == NULL:
        return None
    if _is_current_user(steam_id):
        if T.SteamAPI_ISteamUserStats_GetStatInt32 == NULL:
            return None
        ok = T.SteamAPI_ISteamUserStats_GetStatInt32(_stats, cname, &value)
    else:
        if T.SteamAPI_ISteamUserStats_GetUserStatInt32 == NULL:
            return None
        ok = T.SteamAPI_ISteamUserStats_GetUserStatInt32(_stats, steam_id, cname, &value)
    return value if ok else None


def stat_float(name, uint64_t steam_id=0):
    """A FLOAT or AVGRATE stat as float, or None when Steam's getter fails."""
    cdef Py_ssize_t size
    cdef const char* cname
    cdef float value = 0
    cdef bint ok
    if not _stats_ready():
        return None
    cname = _utf8(name, &size)
    if cname == NULL:
        return None
    if _is_current_user(steam_id):
        if T.SteamAPI_ISteamUserStats_GetStatFloat == NULL:
            return None
        ok = T.SteamAPI_ISteamUserStats_GetStatFloat(_stats, cname, &value)
    else:
        if T.SteamAPI_ISteamUserStats_GetUserStatFloat == NULL:
            return None
        ok = T.SteamAPI_ISteamUserStats_GetUserStatFloat(_stats, steam_id, cname, &value)
    return <double>value if ok else None


# ---------------------------------------------------------------------------------------- dispatch

def run_callbacks():
    """Pump Steam's manual dispatch once and deliver the resulting events. Returns how many were delivered.

    Re-entrant calls (from inside a listener) return 0 at once: the outer pump goes on. Listener
    errors are raised after the pump, once every event of this pump was delivered.
    """
    global _pumping
    if not _initialized or _pumping:
        return 0
    cdef int delivered = 0
    cdef CallbackMsg_t msg
    cdef HSteamPipe pipe = _pipe
    _pumping = True
    try:
        T.SteamAPI_ManualDispatch_RunFrame(pipe)
        while _initialized and T.SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg):
            # Turn the message into a Python event first and free it before any listener runs, so a
            # listener that calls shutdown() or raises can never leave a callback unfreed.
            raw = None
            try:
                if _raw_handler is not None:
                    raw = convert_callback(msg.m_iCallback, msg.m_pubParam, msg.m_cubParam)
                event = _event_for(&msg)
            finally:
                T.SteamAPI_ManualDispatch_FreeLastCallback(pipe)
            if raw is not None and _raw_handler is not None:
                try:
                    _raw_handler(raw)
                except Exception as error:  # like a listener's: kept, raised after the pump
                    _DISPATCHER._errors.append(error)
            if event is not None:
                _DISPATCHER.emit(<Event>event)
                delivered += 1
    finally:
        _pumping = False
    if _DISPATCHER._errors:
        _DISPATCHER.raise_errors()
    return delivered


cdef object _event_for(CallbackMsg_t* msg):
    """The event for one callback message, or None."""
    cdef int callback_id = msg.m_iCallback
    if callback_id == CB_API_CALL_COMPLETED and msg.m_cubParam >= <int>sizeof(SteamAPICallCompleted_t):
        return _call_completed(<SteamAPICallCompleted_t*>msg.m_pubParam)
    if callback_id == CB_USER_STATS_RECEIVED and msg.m_cubParam >= <int>sizeof(UserStatsReceived_t):
        return _stats_broadcast(<UserStatsReceived_t*>msg.m_pubParam)
    if callback_id == CB_USER_STATS_UNLOADED and msg.m_cubParam >= <int>sizeof(UserStatsUnloaded_t):
        return _stats_unloaded(<UserStatsUnloaded_t*>msg.m_pubParam)
    if callback_id == CB_USER_STATS_STORED and msg.m_cubParam >= <int>sizeof(UserStatsStored_t):
        return _stats_stored(<UserStatsStored_t*>msg.m_pubParam)
    return None


cdef uint64_t _id_text_key = 0
cdef str _id_text_value = "0"


cdef inline str _id_text(uint64_t steam_id):
    """Decimal text of a Steam id; remembers the last one, as results tend to come in runs per player."""
    global _id_text_key, _id_text_value
    if steam_id != _id_text_key:
        _id_text_value = f"{steam_id}"
        _id_text_key = steam_id
    return _id_text_value


cdef Event _progress_event(int result, uint64_t steam_id):
    cdef Event event = Event.__new__(Event)
    event.name = "userProgressUpdate"
    event._is_error = result != RESULT_OK
    event._result_code = result
    event._user_steam_id = _id_text(steam_id)
    return event


cdef object _call_completed(SteamAPICallCompleted_t* done):
    cdef SteamAPICall_t call = done.m_hAsyncCall
    found = _pending.find(call)
    if found == _pending.end():
        return None  # not ours (a raw call made through steamworks_cy.flat)
    cdef uint64_t steam_id = deref(found).second
    _pending.erase(found)
    cdef UserStatsReceived_t result
    cdef cpp_bool io_failed = False
    cdef bint got = T.SteamAPI_ManualDispatch_GetAPICallResult(
        _pipe, call, &result, sizeof(result), CB_USER_STATS_RECEIVED, &io_failed)
    cdef bint twin_seen = _settle_user(steam_id)
    if not got or io_failed:
        # The payload is not trustworthy: the user id comes from our own record of the request.
        return _progress_event(RESULT_IO_FAILURE, steam_id)
    if result.m_nGameID != _game_id:
        return None
    if not twin_seen:
        _twins[steam_id].push_back(swcy_monotonic() + TWIN_WINDOW_SECONDS)
    return _progress_event(<int>result.m_eResult, steam_id)


cdef bint _settle_user(uint64_t steam_id) noexcept:
    """One request for ``steam_id`` completed: True when its broadcast twin had already come (and
    was held back while the call was in flight), so no later broadcast is to be swallowed."""
    found = _users.find(steam_id)
    if found == _users.end():
        return False
    # Through a pointer: `deref(found).second.x -= 1` would change a copy in Cython.
    cdef UserRequests* user = &deref(found).second
    user.in_flight -= 1
    cdef bint twin_seen = user.early_twins > 0
    if twin_seen:
        user.early_twins -= 1
    if user.in_flight <= 0:
        _users.erase(found)  # early twins of a finished burst belong to results already settled
    return twin_seen


cdef object _stats_broadcast(UserStatsReceived_t* received):
    """The broadcast copy of UserStatsReceived_t: news only when no call result of ours accounts for it."""
    if received.m_nGameID != _game_id:
        return None
    cdef uint64_t steam_id = received.m_steamIDUser.ConvertToUint64()
    found = _users.find(steam_id)
    if found != _users.end():
        # Our call result for this user is on its way and will carry the event.
        (&deref(found).second).early_twins += 1
        return None
    twins = _twins.find(steam_id)
    cdef double now
    if twins != _twins.end():
        now = swcy_monotonic()
        while not deref(twins).second.empty():
            deadline = deref(twins).second.front()
            deref(twins).second.pop_front()
            if deadline >= now:
                if deref(twins).second.empty():
                    _twins.erase(twins)
                return None
        _twins.erase(twins)
    return _progress_event(<int>received.m_eResult, steam_id)


cdef object _stats_unloaded(UserStatsUnloaded_t* unloaded):
    cdef uint64_t steam_id = unloaded.m_steamIDUser.ConvertToUint64()
    cdef Event event = Event.__new__(Event)
    event.name = "userProgressUnload"
    event._user_steam_id = _id_text(steam_id)
    return event


cdef object _stats_stored(UserStatsStored_t* stored):
    if stored.m_nGameID != _game_id:
        return None
    cdef Event event = Event.__new__(Event)
    event.name = "userProgressSave"
    event._is_error = <int>stored.m_eResult != RESULT_OK
    event._result_code = <int>stored.m_eResult
    return event


# ------------------------------------------------------------------------------------------ events

# Keys of an Event in the order they are listed; the PEP 8 spellings are attribute aliases.
_EVENT_KEYS = ("name", "isError", "resultCode", "userSteamId")
_EVENT_ALIASES = {"is_error": "isError", "result_code": "resultCode", "user_steam_id": "userSteamId"}


@cython.final
@cython.freelist(64)
cdef class Event:
    """An event delivered to listeners, read like Solar2D's event table: ``event.isError`` or
    ``event["isError"]``; a read-only mapping of the keys it has.

    ``name`` is always there. ``userProgressUpdate``: ``isError`` (bool), ``resultCode`` (Steam's
    EResult, int), ``userSteamId`` (decimal string). ``userProgressUnload``: ``userSteamId``.
    ``userProgressSave``: ``isError``, ``resultCode``. Other keys given to the constructor are kept too.
    """

    cdef readonly str name
    cdef object _is_error       # None: the event has no such key
    cdef object _result_code
    cdef object _user_steam_id
    cdef dict _extra

    def __init__(self, name, **fields):
        self.name = name
        self._is_error = fields.pop("isError", None)
        self._result_code = fields.pop("resultCode", None)
        self._user_steam_id = fields.pop("userSteamId", None)
        self._extra = {key: value for key, value in fields.items() if value is not None} or None

    cdef object _value(self, str key):
        if key == "name":
            return self.name
        if key == "isError":
            return self._is_error
        if key == "resultCode":
            return self._result_code
        if key == "userSteamId":
            return self._user_steam_id
        if self._extra is not None:
            return self._extra.get(key)
        return None

    def __getitem__(self, key):
        value = self._value(key) if type(key) is str else None
        if value is None:
            raise KeyError(key)
        return value

    def __getattr__(self, key):
        value = self._value(_EVENT_ALIASES.get(key, key))
        if value is None:
            raise AttributeError(f"{self.name} event has no field {key!r}")
        return value

    @property
    def isError(self):
        return self.__getattr__("isError")

    @property
    def resultCode(self):
        return self.__getattr__("resultCode")

    @property
    def userSteamId(self):
        return self.__getattr__("userSteamId")

    def keys(self):
        keys = [key for key in _EVENT_KEYS if self._value(key) is not None]
        if self._extra is not None:
            keys.extend(self._extra)
        return keys

    def get(self, key, default=None):
        value = self._value(key) if type(key) is str else None
        return default if value is None else value

    def items(self):
        return [(key, self._value(key)) for key in self.keys()]

    def values(self):
        return [self._value(key) for key in self.keys()]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __contains__(self, key):
        return type(key) is str and self._value(key) is not None

    def __eq__(self, other):
        if isinstance(other, Event):
            return self.items() == other.items()
        if isinstance(other, dict):
            return dict(self.items()) == other
        return NotImplemented

    def __hash__(self):
        return hash(tuple(self.items()))

    def __repr__(self):
        return f"Event({dict(self.items())!r})"

    def __reduce__(self):
        return (_event_from_items, (self.items(),))


def _event_from_items(items):
    fields = dict(items)
    return Event(fields.pop("name"), **fields)


import collections.abc
collections.abc.Mapping.register(Event)


@cython.final
cdef class _Entry:
    """One registration: what to call, resolved once when it is added."""

    cdef readonly object listener
    cdef object call
    cdef bint removed


@cython.final
cdef class EventDispatcher:
    """Listeners per event name, with Solar2D's semantics.

    - A listener is a callable, or an object with a method named like the event (preferred when both).
    - Adding the same listener twice registers it twice; removal takes out the first identical entry.
    - Dispatch iterates a snapshot: a listener removed meanwhile is skipped, one added meanwhile waits
      for the next event.
    - A listener that raises does not stop the others; the exception goes to ``error_handler`` when
      one is set, else it is kept and raised by :meth:`raise_errors` (which run_callbacks() calls
      after its pump), so it reaches the developer.
    """

    cdef dict _entries          # event name -> list of _Entry
    cdef list _errors
    cdef public object error_handler

    def __cinit__(self):
        self._entries = {}
        self._errors = []
        self.error_handler = None

    def add(self, name, listener):
        if type(name) is not str or not name:
            raise TypeError("event name must be a non-empty string")
        method = getattr(listener, name, None)
        cdef _Entry entry = _Entry.__new__(_Entry)
        if method is not None and callable(method):
            entry.call = method
        elif callable(listener):
            entry.call = listener
        else:
            raise TypeError(f"listener must be callable or have a method named {name!r}, got {listener!r}")
        entry.listener = listener
        entries = self._entries.get(name)
        if entries is None:
            self._entries[name] = [entry]
        else:
            (<list>entries).append(entry)
        return True

    def remove(self, name, listener):
        entries = self._entries.get(name)
        if not entries:
            return False
        cdef Py_ssize_t index
        cdef _Entry entry
        # `obj.method` makes a new bound-method object on every access: compare those by equality.
        cdef bint by_equality = type(listener) is MethodType
        for index in range(len(<list>entries)):
            entry = (<list>entries)[index]
            if entry.listener is listener or (by_equality and entry.listener == listener):
                entry.removed = True
                del (<list>entries)[index]
                return True
        return False

    def clear(self):
        cdef _Entry entry
        for entries in self._entries.values():
            for entry in entries:
                entry.removed = True
        self._entries.clear()

    def dispatch(self, Event event not None):
        """Deliver ``event`` to the listeners of its name."""
        self.emit(event)

    cdef int emit(self, Event event) except -1:
        cdef PyObject* found = PyDict_GetItem(self._entries, event.name)
        if found == NULL:
            return 0
        cdef list entries = <list>found
        cdef Py_ssize_t count = len(entries)
        cdef _Entry entry
        if count == 0:
            return 0
        if count == 1:
            self._call(<_Entry>entries[0], event)
            return 0
        for entry in entries[:]:  # a snapshot: listeners may add or remove listeners
            self._call(entry, event)
        return 0

    cdef inline int _call(self, _Entry entry, object event) except -1:
        if entry.removed:
            return 0
        try:
            entry.call(event)
        except Exception as error:  # one listener's bug must not stop the others
            self._report(error, event, entry.listener)
        return 0

    cdef int _report(self, object error, object event, object listener) except -1:
        handler = self.error_handler
        if handler is not None:
            try:
                handler(error, event.name, listener)
                return 0
            except Exception:  # a failing handler falls back to the default path
                pass
        self._errors.append(error)
        return 0

    def raise_errors(self):
        """Raise the first kept listener error; report any others on stderr so none vanish."""
        if not self._errors:
            return
        errors, self._errors = self._errors, []
        for extra in errors[1:]:
            sys.excepthook(type(extra), extra, extra.__traceback__)
        raise errors[0]


cdef EventDispatcher _DISPATCHER = EventDispatcher()


def dispatcher():
    """The process-wide EventDispatcher that run_callbacks() delivers to."""
    return _DISPATCHER
