"""The sentences of the catalogue, one module per part of samklang that raises them; each
module's ``SENTENCES`` pairs the English sentence, as raised, with its Swedish form."""
