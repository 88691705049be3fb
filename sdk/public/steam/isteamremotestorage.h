// steamworks_cy reference SDK: the remote-storage / UGC handle types.
//
// Written for steamworks_cy. This is only the part of Steamworks SDK 1.65a's
// isteamremotestorage.h that other headers here need (UGCHandle_t is used
// by the leaderboards). No Valve text.

#ifndef ISTEAMREMOTESTORAGE_H
#define ISTEAMREMOTESTORAGE_H
#ifdef _WIN32
#pragma once
#endif

#include "steam_api_common.h"

// Largest chunk FileWriteStreamWriteChunk accepts.
const uint32 k_unMaxCloudFileChunkSize = 100 * 1024 * 1024;

// A file shared through Steam Cloud / user-generated content.
typedef uint64 UGCHandle_t;
typedef uint64 PublishedFileUpdateHandle_t;
typedef uint64 PublishedFileId_t;
const PublishedFileId_t k_PublishedFileIdInvalid = 0;
const UGCHandle_t k_UGCHandleInvalid = 0xffffffffffffffffull;
const PublishedFileUpdateHandle_t k_PublishedFileUpdateHandleInvalid = 0xffffffffffffffffull;

typedef uint64 UGCFileWriteStreamHandle_t;
const UGCFileWriteStreamHandle_t k_UGCFileStreamHandleInvalid = 0xffffffffffffffffull;

#endif // ISTEAMREMOTESTORAGE_H
