${stamp_text} on ${inventory_hostname}, channel ${release_channel}
