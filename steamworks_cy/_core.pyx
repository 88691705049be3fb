# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Hand-written Cython core: run-time library loading, init, manual callback dispatch, typed getters.

Everything here talks to Steam through the generated function table (``_generated/flat.pxd``), so the
same code runs on Valve's library and on the bundled emulator. The per-frame path (`run_callbacks`)
and the getters allocate no Python objects unless there is something to return.
"""

from libc.string cimport memset, strlen
from libc.stdint cimport uint32_t, uint64_t
from libcpp cimport bool as cpp_bool
from cpython.dict cimport PyDict_SetItem

from steamworks_cy._generated.flat cimport (
    FlatTable, flat_table, bind_table, unbind_table, convert_callback,
    CallbackMsg_t, SteamAPICallCompleted_t, UserStatsReceived_t, UserStatsStored_t,
    UserStatsUnloaded_t,
    ISteamUser, ISteamUserStats, ISteamUtils, HSteamPipe, SteamAPICall_t, SteamErrMsg, int32,
)

import os
import time

cdef object _monotonic = time.monotonic

from steamworks_cy._generated import flat as _flat
from steamworks_cy.errors import LibraryLoadError
from steamworks_cy.records import AchievementInfo, Event

cdef extern from "Python.h":
    const char* PyUnicode_AsUTF8AndSize(object text, Py_ssize_t* size) except NULL

cdef extern from "_dynload.h":
    void* swcy_dlopen(const char* path, char* err, size_t errlen) nogil
    void* swcy_dlsym(void* handle, const char* name) noexcept nogil

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
cdef void* _library = NULL
cdef str _library_path = None
cdef bint _initialized = False
cdef bint _pumping = False
cdef HSteamPipe _pipe = 0
cdef ISteamUser* _user = NULL
cdef ISteamUserStats* _stats = NULL
cdef ISteamUtils* _utils = NULL
cdef uint64_t _game_id = 0

cdef dict _pending = {}         # SteamAPICall_t -> steam id of the RequestUserStats call
cdef dict _pending_users = {}   # steam id -> number of requests in flight
cdef dict _twins = {}           # steam id -> list of deadlines of broadcasts still to swallow
cdef dict _early_twins = {}     # steam id -> broadcasts that arrived before their call result
cdef dict _display_cache = {}   # achievement API name -> (localized name, description, hidden)
cdef object _dispatch = None    # EventDispatcher.dispatch, set by the high layer
cdef object _after_pump = None  # called once after a pump that delivered events (raises listener errors)
cdef object _raw_handler = None # optional callable(callback_id, converted object) for every callback


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
        raise LibraryLoadError(f"{path}: {err.decode('utf-8', 'replace')}", (path,))
    # The previous library is left loaded: Valve's library does not support being unloaded.
    _library = handle
    _library_path = path
    bind_table(handle, swcy_dlsym)


def loaded_library():
    """Path of the loaded library, or None."""
    return _library_path


def library_has(str name not None):
    """True when the loaded library exports ``name``."""
    if _library == NULL:
        return False
    encoded = name.encode("ascii")
    return swcy_dlsym(_library, encoded) != NULL


# -------------------------------------------------------------------------------------------- init

def set_event_sink(dispatch, after_pump=None):
    """Where events go: ``dispatch(event)`` per event, ``after_pump()`` after a pump that had any."""
    global _dispatch, _after_pump
    _dispatch = dispatch
    _after_pump = after_pump


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
    _user = T.SteamAPI_SteamUser_v023() if T.SteamAPI_SteamUser_v023 != NULL else NULL
    _stats = T.SteamAPI_SteamUserStats_v013() if T.SteamAPI_SteamUserStats_v013 != NULL else NULL
    _utils = T.SteamAPI_SteamUtils_v011() if T.SteamAPI_SteamUtils_v011 != NULL else NULL
    _game_id = 0
    if _utils != NULL and T.SteamAPI_ISteamUtils_GetAppID != NULL:
        # CGameID of a plain app: type 0, mod 0, so the 64-bit game id is the app id.
        _game_id = T.SteamAPI_ISteamUtils_GetAppID(_utils)
    _initialized = True
    _reset_state()
    return None


def _accessor_mismatch():
    """A message when the library lacks the interface versions the bindings were generated for."""
    missing = [name for name in sorted(_flat.INTERFACE_ACCESSORS.values()) if not library_has(name)]
    if not missing:
        return None
    hints = []
    for name in missing:
        stem = name.rsplit("_v", 1)[0]
        for other in _exported_versions(stem):
            hints.append(f"{other} is exported instead")
    detail = "; ".join(hints)
    return (f"{', '.join(missing)} not exported by {_library_path}"
            f"{' (' + detail + ')' if detail else ''}: the library is from another SDK version than "
            f"the bindings (SDK {_flat.SDK_VERSION}); regenerate with "
            f"STEAMWORKS_SDK=<that SDK> pip install .")


def _exported_versions(str stem):
    found = []
    for version in range(1, 40):
        candidate = f"{stem}_v{version:03d}"
        if library_has(candidate):
            found.append(candidate)
    return found


cdef void _reset_state():
    _pending.clear()
    _pending_users.clear()
    _twins.clear()
    _early_twins.clear()
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
    _pending_users[steam_id] = _pending_users.get(steam_id, 0) + 1
    return True


def pending_requests():
    """Number of RequestUserStats calls whose result has not been delivered yet."""
    return len(_pending)


cdef inline const char* _utf8(object name, Py_ssize_t* size) except? NULL:
    """UTF-8 bytes of a str without allocating (CPython caches them); NULL for non-str/embedded NUL."""
    if type(name) is not str:
        return NULL
    cdef const char* text = PyUnicode_AsUTF8AndSize(name, size)
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

    Re-entrant calls (from inside a listener) return 0 at once: the outer pump goes on.
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
            # Turn the message into Python events first and free it before any listener runs, so a
            # listener that calls shutdown() or raises can never leave a callback unfreed.
            raw = None
            try:
                if _raw_handler is not None:
                    raw = convert_callback(msg.m_iCallback, msg.m_pubParam, msg.m_cubParam)
                events = _events_for(&msg)
            finally:
                T.SteamAPI_ManualDispatch_FreeLastCallback(pipe)
            if raw is not None and _raw_handler is not None:
                _raw_handler(raw)
            if events is not None:
                delivered += _deliver(events)
    finally:
        _pumping = False
    if delivered and _after_pump is not None:
        _after_pump()
    return delivered


cdef int _deliver(object events) except -1:
    if _dispatch is None:
        return 0
    if type(events) is list:
        for event in <list>events:
            _dispatch(event)
        return len(<list>events)
    _dispatch(events)
    return 1


cdef object _events_for(CallbackMsg_t* msg):
    """Events for one callback message (None, one Event, or a list); never raises into the pump."""
    cdef int callback_id = msg.m_iCallback
    if callback_id == CB_API_CALL_COMPLETED and msg.m_cubParam >= <int>sizeof(SteamAPICallCompleted_t):
        event = _call_completed(<SteamAPICallCompleted_t*>msg.m_pubParam)
    elif callback_id == CB_USER_STATS_RECEIVED and msg.m_cubParam >= <int>sizeof(UserStatsReceived_t):
        event = _stats_broadcast(<UserStatsReceived_t*>msg.m_pubParam)
    elif callback_id == CB_USER_STATS_UNLOADED and msg.m_cubParam >= <int>sizeof(UserStatsUnloaded_t):
        event = _stats_unloaded(<UserStatsUnloaded_t*>msg.m_pubParam)
    elif callback_id == CB_USER_STATS_STORED and msg.m_cubParam >= <int>sizeof(UserStatsStored_t):
        event = _stats_stored(<UserStatsStored_t*>msg.m_pubParam)
    else:
        event = None
    return event


cdef object _progress_event(int result, uint64_t steam_id):
    event = Event()
    PyDict_SetItem(event, "name", "userProgressUpdate")
    PyDict_SetItem(event, "isError", result != RESULT_OK)
    PyDict_SetItem(event, "resultCode", result)
    PyDict_SetItem(event, "userSteamId", f"{steam_id}")  # decimal, as str(int)
    return event


cdef object _call_completed(SteamAPICallCompleted_t* done):
    cdef SteamAPICall_t call = done.m_hAsyncCall
    steam_id = _pending.pop(call, None)
    if steam_id is None:
        return None  # not ours (a raw call made through steamworks_cy.flat)
    _forget_pending_user(steam_id)
    cdef UserStatsReceived_t result
    cdef cpp_bool io_failed = False
    cdef bint got = T.SteamAPI_ManualDispatch_GetAPICallResult(
        _pipe, call, &result, sizeof(result), CB_USER_STATS_RECEIVED, &io_failed)
    if not got or io_failed:
        # The payload is not trustworthy: the user id comes from our own record of the request.
        return _progress_event(RESULT_IO_FAILURE, steam_id)
    if result.m_nGameID != _game_id:
        return None
    early = _early_twins.get(steam_id, 0)
    if early:
        # Its broadcast twin came first and was held back for this call result.
        if early > 1:
            _early_twins[steam_id] = early - 1
        else:
            del _early_twins[steam_id]
    else:
        deadline = _monotonic() + TWIN_WINDOW_SECONDS
        deadlines = _twins.get(steam_id)
        if deadlines is None:
            _twins[steam_id] = [deadline]
        else:
            (<list>deadlines).append(deadline)
    return _progress_event(<int>result.m_eResult, steam_id)


cdef void _forget_pending_user(object steam_id):
    count = _pending_users.get(steam_id, 0) - 1
    if count > 0:
        _pending_users[steam_id] = count
    else:
        _pending_users.pop(steam_id, None)


cdef object _stats_broadcast(UserStatsReceived_t* received):
    """The broadcast copy of UserStatsReceived_t: news only when no call result of ours accounts for it."""
    if received.m_nGameID != _game_id:
        return None
    steam_id = received.m_steamIDUser.ConvertToUint64()
    if steam_id in _pending_users:
        # Our call result for this user is on its way and will carry the event.
        _early_twins[steam_id] = _early_twins.get(steam_id, 0) + 1
        return None
    deadlines = _twins.get(steam_id)
    if deadlines:
        now = _monotonic()
        while deadlines:
            if deadlines.pop(0) >= now:
                if not deadlines:
                    del _twins[steam_id]
                return None
        del _twins[steam_id]
    return _progress_event(<int>received.m_eResult, steam_id)


cdef object _stats_unloaded(UserStatsUnloaded_t* unloaded):
    cdef uint64_t steam_id = unloaded.m_steamIDUser.ConvertToUint64()
    event = Event()
    PyDict_SetItem(event, "name", "userProgressUnload")
    PyDict_SetItem(event, "userSteamId", f"{steam_id}")
    return event


cdef object _stats_stored(UserStatsStored_t* stored):
    if stored.m_nGameID != _game_id:
        return None
    event = Event()
    event["name"] = "userProgressSave"
    event["isError"] = <int>stored.m_eResult != RESULT_OK
    event["resultCode"] = <int>stored.m_eResult
    return event
