import './scalars';
import './system';
import './viewer';
