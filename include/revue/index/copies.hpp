// Copies of one text (an agency dispatch printed by several papers) share the fingerprint of
// their opening words; only they get it as their collapse key, so that a search folds them.
#pragma once

#include <xapian.h>

#include <vector>

namespace revue {

// Gives the collapse key to every clipping whose fingerprint another clipping shares, in any
// shard, and takes it from those left alone; commits the shards it changed. Clippings of older
// indexes have the key and no fingerprint: they keep their key, and count in its group.
void mark_copies(const std::vector<Xapian::WritableDatabase*>& shards);

}  // namespace revue
